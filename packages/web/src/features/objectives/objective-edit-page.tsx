import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { ObjectiveView } from "../../api";
import { PageHeader } from "../../components/page-header";
import { Alert, ErrorState, LoadingState } from "../../components/states";
import { ObjectiveBreadcrumb } from "./objective-detail-page";
import { ObjectiveForm } from "./objective-form";
import { useObjective } from "./queries";

const route = getRouteApi("/orgs/$orgId/objectives/$objectiveId/edit");

export function ObjectiveEditPage() {
  const { orgId, objectiveId } = route.useParams();
  const navigate = useNavigate();
  const query = useObjective(orgId, objectiveId);
  // the form edits the version it was opened with; a background refetch must not reset it
  const [snapshot, setSnapshot] = useState<ObjectiveView | null>(null);
  const o = snapshot ?? query.data;
  if (query.isPending && !o) return <LoadingState />;
  if (!o) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!snapshot) setSnapshot(o);
  const toDetail = () =>
    void navigate({ to: "/orgs/$orgId/objectives/$objectiveId", params: { orgId, objectiveId } });
  return (
    <>
      <ObjectiveBreadcrumb orgId={orgId} current={{ id: o.id, title: o.title }} />
      <PageHeader title={`Edit ${o.title}`} />
      {o.archivedAt ? (
        <Alert>An archived objective cannot be edited; restore it first.</Alert>
      ) : !o.abilities.update ? (
        <Alert>Your role does not allow editing objectives.</Alert>
      ) : (
        <ObjectiveForm
          key={o.version}
          orgId={orgId}
          existing={o}
          onSaved={toDetail}
          onCancel={toDetail}
          onReload={async () => {
            const fresh = await query.refetch();
            if (fresh.data) setSnapshot(fresh.data);
          }}
        />
      )}
    </>
  );
}
