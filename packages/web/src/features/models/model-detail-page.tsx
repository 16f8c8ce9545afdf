import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Badge } from "../../components/badge";
import { PageHeader, Section } from "../../components/page-header";
import { EditArchiveActions } from "../../components/record-actions";
import { SectionAnswers } from "../../components/section-answers";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { useModel, useModelArchiveToggle } from "./queries";
import { ModelVendors } from "../vendors/model-vendors";
import { ComponentGraph } from "../inventory/component-graph";

const route = getRouteApi("/orgs/$orgId/models/$modelId");

export function ModelBreadcrumb({
  orgId,
  current,
}: {
  orgId: string;
  current?: { id: string; name: string };
}) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
      <Link to="/orgs/$orgId/models" params={{ orgId }} className="underline-offset-2 hover:underline">
        Models
      </Link>
      {current && (
        <>
          {" / "}
          <Link
            to="/orgs/$orgId/models/$modelId"
            params={{ orgId, modelId: current.id }}
            className="underline-offset-2 hover:underline"
          >
            {current.name}
          </Link>
        </>
      )}
    </nav>
  );
}

const text = (s: string) =>
  s ? <p className="whitespace-pre-wrap">{s}</p> : <p className="text-slate-500">—</p>;

export function ModelDetailPage() {
  const { orgId, modelId } = route.useParams();
  const navigate = useNavigate();
  const query = useModel(orgId, modelId);
  const toggle = useModelArchiveToggle(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const archived = Boolean(m.archivedAt);
  return (
    <>
      <ModelBreadcrumb orgId={orgId} />
      <PageHeader
        title={m.modelVersion ? `${m.name} ${m.modelVersion}` : m.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{m.providerKind === "in_house" ? "In-house" : "Third party"}</Badge>
            {m.gpai && <Badge tone="amber">General-purpose AI model</Badge>}
            {archived && <Badge tone="amber">Archived</Badge>}
          </span>
        }
        actions={
          <EditArchiveActions
            record={m}
            toggle={toggle}
            onEdit={() =>
              void navigate({ to: "/orgs/$orgId/models/$modelId/edit", params: { orgId, modelId } })
            }
          />
        }
      />
      {toggle.isError && (
        <div className="mb-4">
          <Alert>{errorMessage(toggle.error)}</Alert>
        </div>
      )}
      <Section title="Details">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">Type</dt>
          <dd>{m.modelType || "—"}</dd>
          <dt className="font-medium text-slate-700">Provider</dt>
          <dd>{m.provider || "—"}</dd>
          <ModelVendors orgId={orgId} modelId={modelId} />
          <dt className="font-medium text-slate-700">Base model</dt>
          <dd>{m.baseModel || "—"}</dd>
          <dt className="font-medium text-slate-700">Training compute</dt>
          <dd>{m.trainingComputeFlop === null ? "—" : `${m.trainingComputeFlop.toExponential(2)} FLOP`}</dd>
          <dt className="font-medium text-slate-700">Licence</dt>
          <dd>{m.licence || "—"}</dd>
          <dt className="font-medium text-slate-700">Intended use</dt>
          <dd>{text(m.intendedUse)}</dd>
          <dt className="font-medium text-slate-700">Limitations</dt>
          <dd>{text(m.limitations)}</dd>
          <dt className="font-medium text-slate-700">Evaluation</dt>
          <dd>{text(m.evaluationSummary)}</dd>
        </dl>
      </Section>
      <Section title="AI systems using this model">
        {m.links.length === 0 ? (
          <p className="text-sm text-slate-600">Not linked to any AI system yet.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {m.links
              .filter((l) => l.type === "ai_system")
              .map((l) => (
                <li key={l.id}>
                  <Link
                    to="/orgs/$orgId/ai-systems/$systemId"
                    params={{ orgId, systemId: l.id }}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    {l.label}
                  </Link>
                </li>
              ))}
          </ul>
        )}
      </Section>
      <Section title="Model card">
        <SectionAnswers sections={m.modelCard} emptyText="No model-card sections filled in yet." />
      </Section>
      <ComponentGraph orgId={orgId} type="ai_model" id={modelId} />
    </>
  );
}
