import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header";
import { Alert } from "../../components/states";
import { useCan } from "../session/use-me";
import { AiSystemForm } from "./ai-system-form";

const route = getRouteApi("/orgs/$orgId/ai-systems/new");

export function AiSystemNewPage() {
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const can = useCan(orgId);
  return (
    <>
      <Breadcrumb orgId={orgId} />
      <PageHeader
        title="Register AI system"
        description="Add a system your organization develops, provides or uses."
      />
      {can("ai_system.create") ? (
        <AiSystemForm
          orgId={orgId}
          onSaved={(s) =>
            void navigate({ to: "/orgs/$orgId/ai-systems/$systemId", params: { orgId, systemId: s.id } })
          }
          onCancel={() => void navigate({ to: "/orgs/$orgId/ai-systems", params: { orgId } })}
        />
      ) : (
        <Alert>Your role does not allow registering AI systems.</Alert>
      )}
    </>
  );
}

export function Breadcrumb({ orgId, current }: { orgId: string; current?: { id: string; name: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link to="/orgs/$orgId/ai-systems" params={{ orgId }} className="underline hover:text-slate-900">
            AI systems
          </Link>
        </li>
        {current && (
          <li>
            <span aria-hidden="true">/ </span>
            <Link
              to="/orgs/$orgId/ai-systems/$systemId"
              params={{ orgId, systemId: current.id }}
              className="underline hover:text-slate-900"
            >
              {current.name}
            </Link>
          </li>
        )}
      </ol>
    </nav>
  );
}
