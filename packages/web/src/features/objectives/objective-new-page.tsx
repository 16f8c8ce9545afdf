import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header";
import { Alert } from "../../components/states";
import { useCan } from "../session/use-me";
import { ObjectiveBreadcrumb } from "./objective-detail-page";
import { ObjectiveForm } from "./objective-form";

const route = getRouteApi("/orgs/$orgId/objectives/new");

export function ObjectiveNewPage() {
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const can = useCan(orgId);
  return (
    <>
      <ObjectiveBreadcrumb orgId={orgId} />
      <PageHeader title="Set an AI objective" />
      {can("objective.write") ? (
        <ObjectiveForm
          orgId={orgId}
          onSaved={(o) =>
            void navigate({
              to: "/orgs/$orgId/objectives/$objectiveId",
              params: { orgId, objectiveId: o.id },
            })
          }
          onCancel={() => void navigate({ to: "/orgs/$orgId/objectives", params: { orgId } })}
        />
      ) : (
        <Alert>Your role does not allow setting objectives.</Alert>
      )}
    </>
  );
}
