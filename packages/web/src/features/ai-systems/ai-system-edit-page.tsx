import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { AiSystemView } from "../../api";
import { PageHeader } from "../../components/page-header";
import { Alert, ErrorState, LoadingState } from "../../components/states";
import { AiSystemForm } from "./ai-system-form";
import { Breadcrumb } from "./ai-system-new-page";
import { useAiSystem } from "./queries";

const route = getRouteApi("/orgs/$orgId/ai-systems/$systemId/edit");

export function AiSystemEditPage() {
  const { orgId, systemId } = route.useParams();
  const navigate = useNavigate();
  const query = useAiSystem(orgId, systemId);
  // The form edits the version it was opened with; a background refetch must not reset it.
  const [snapshot, setSnapshot] = useState<AiSystemView | null>(null);
  const system = snapshot ?? query.data;

  if (query.isPending && !system) return <LoadingState />;
  if (!system) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!snapshot) setSnapshot(system);

  const toDetail = () =>
    void navigate({ to: "/orgs/$orgId/ai-systems/$systemId", params: { orgId, systemId } });
  const reload = async () => {
    const fresh = await query.refetch();
    if (fresh.data) setSnapshot(fresh.data);
  };

  return (
    <>
      <Breadcrumb orgId={orgId} current={{ id: system.id, name: system.name }} />
      <PageHeader title={`Edit ${system.name}`} />
      {system.archivedAt ? (
        <Alert>An archived AI system cannot be edited; restore it first.</Alert>
      ) : system.abilities.update === false ? (
        <Alert>Your role does not allow editing AI systems.</Alert>
      ) : (
        <AiSystemForm
          key={system.version}
          orgId={orgId}
          existing={system}
          onSaved={toDetail}
          onCancel={toDetail}
          onReload={() => void reload()}
        />
      )}
    </>
  );
}
