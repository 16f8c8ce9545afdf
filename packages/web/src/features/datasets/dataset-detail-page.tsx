import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Badge } from "../../components/badge";
import { PageHeader, Section } from "../../components/page-header";
import { EditArchiveActions } from "../../components/record-actions";
import { SectionAnswers } from "../../components/section-answers";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { useDataset, useDatasetArchiveToggle } from "./queries";
import { ComponentGraph } from "../inventory/component-graph";

const route = getRouteApi("/orgs/$orgId/datasets/$datasetId");

export function DatasetBreadcrumb({ orgId }: { orgId: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
      <Link to="/orgs/$orgId/datasets" params={{ orgId }} className="underline-offset-2 hover:underline">
        Datasets
      </Link>
    </nav>
  );
}

const text = (s: string) =>
  s ? <span className="whitespace-pre-wrap">{s}</span> : <span className="text-slate-500">—</span>;

export function DatasetDetailPage() {
  const { orgId, datasetId } = route.useParams();
  const navigate = useNavigate();
  const query = useDataset(orgId, datasetId);
  const toggle = useDatasetArchiveToggle(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const archived = Boolean(d.archivedAt);
  const rows: [string, string][] = [
    ["Source", d.source],
    ["Collection method", d.collectionMethod],
    ["Acquisition terms", d.acquisitionTerms],
    ["Licence", d.licence],
    ["Preparation", d.preparationSteps],
    ["Quality checks", d.qualityChecks],
    ["Quality results", d.qualityResults],
    ["Representativeness", d.representativeness],
    ["Known gaps", d.knownGaps],
    ["Retention", d.retention],
    ["Description", d.description],
  ];
  return (
    <>
      <DatasetBreadcrumb orgId={orgId} />
      <PageHeader
        title={d.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {d.specialCategories && <Badge tone="amber">Special categories of personal data</Badge>}
            {d.personalData && !d.specialCategories && <Badge>Personal data</Badge>}
            {archived && <Badge tone="amber">Archived</Badge>}
          </span>
        }
        actions={
          <EditArchiveActions
            record={d}
            toggle={toggle}
            onEdit={() =>
              void navigate({ to: "/orgs/$orgId/datasets/$datasetId/edit", params: { orgId, datasetId } })
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
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd>{text(v)}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title="Provenance">
        {d.provenance.length === 0 ? (
          <p className="text-sm text-slate-600">No provenance recorded.</p>
        ) : (
          <ol className="list-decimal pl-5 text-sm">
            {d.provenance.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Used by">
        {d.links.length === 0 ? (
          <p className="text-sm text-slate-600">Not linked to any AI system or model yet.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {d.links.map((l) => (
              <li key={`${l.type}${l.id}`}>
                {l.type === "ai_model" ? (
                  <Link
                    to="/orgs/$orgId/models/$modelId"
                    params={{ orgId, modelId: l.id }}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    Model: {l.label}
                  </Link>
                ) : (
                  <Link
                    to="/orgs/$orgId/ai-systems/$systemId"
                    params={{ orgId, systemId: l.id }}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    AI system: {l.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Datasheet">
        <SectionAnswers sections={d.datasheet} emptyText="No datasheet answers yet." />
      </Section>
      <ComponentGraph orgId={orgId} type="dataset" id={datasetId} />
    </>
  );
}
