import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Pencil } from "lucide-react";
import { Badge } from "../../components/badge";
import { ArchiveToggleButton } from "../../components/archive-toggle-button";
import { Button } from "../../components/button";
import { PageHeader, Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDateTime } from "../../lib/format";
import { ObjectiveMeasurementRuns } from "../measurements/objective-measurement-runs";
import { AddProgressForm } from "./add-progress-form";
import { ObjectiveStatusBadge, formatAmount, formatDay, targetText } from "./objective-status";
import { ObjectiveTrendChart } from "./objective-trend-chart";
import { useObjective, useObjectiveArchiveToggle } from "./queries";

const route = getRouteApi("/orgs/$orgId/objectives/$objectiveId");

export function ObjectiveBreadcrumb({
  orgId,
  current,
}: {
  orgId: string;
  current?: { id: string; title: string };
}) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
      <Link to="/orgs/$orgId/objectives" params={{ orgId }} className="underline-offset-2 hover:underline">
        Objectives
      </Link>
      {current && (
        <>
          {" / "}
          <Link
            to="/orgs/$orgId/objectives/$objectiveId"
            params={{ orgId, objectiveId: current.id }}
            className="underline-offset-2 hover:underline"
          >
            {current.title}
          </Link>
        </>
      )}
    </nav>
  );
}

export function ObjectiveDetailPage() {
  const { orgId, objectiveId } = route.useParams();
  const navigate = useNavigate();
  const query = useObjective(orgId, objectiveId);
  const toggle = useObjectiveArchiveToggle(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const archived = Boolean(o.archivedAt);
  const facts: [string, string][] = [
    ["Measure", o.measure],
    ["Target", targetText(o)],
    [
      "Baseline",
      o.baseline === null
        ? "— (the first entry is the start)"
        : `${formatAmount(o.baseline, o.unit)} on ${formatDay(o.startDate)}`,
    ],
    ["Start", formatDay(o.startDate)],
    ["Due", formatDay(o.dueDate)],
    ["Owner", o.ownerName ?? "—"],
    [
      "Latest",
      o.latestObservedAt
        ? `${formatAmount(o.latestValue, o.unit)} (${formatDateTime(o.latestObservedAt)})`
        : "—",
    ],
    ["Expected today", formatAmount(o.expectedValue, o.unit)],
    ["Covered", o.percent === null ? "—" : `${o.percent}% of the way from start to target`],
  ];

  return (
    <>
      <ObjectiveBreadcrumb orgId={orgId} />
      <PageHeader
        title={o.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ObjectiveStatusBadge status={o.status} />
            {archived && <Badge tone="amber">Archived</Badge>}
          </span>
        }
        actions={
          <>
            {!archived && o.abilities.update && (
              <Button
                onClick={() =>
                  void navigate({
                    to: "/orgs/$orgId/objectives/$objectiveId/edit",
                    params: { orgId, objectiveId },
                  })
                }
              >
                <Pencil className="size-4" aria-hidden="true" />
                Edit
              </Button>
            )}
            <ArchiveToggleButton record={o} toggle={toggle} />
          </>
        }
      />
      {toggle.isError && (
        <div className="mb-4">
          <Alert>{errorMessage(toggle.error)}</Alert>
        </div>
      )}
      <dl className="mb-8 grid gap-x-6 gap-y-3 sm:grid-cols-3">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{k}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {o.description && (
        <p className="mb-8 max-w-3xl text-sm whitespace-pre-line text-slate-800">{o.description}</p>
      )}

      <Section title="Trend">
        <ObjectiveTrendChart objective={o} />
        <p className="mt-2 text-xs text-slate-600">
          The status compares the latest value with the dashed expected path from the start to the target:
          within 10% of the whole distance is on track, within 25% at risk, beyond that off track.
        </p>
      </Section>

      {!archived && o.abilities.recordProgress && (
        <div className="mb-10">
          <AddProgressForm orgId={orgId} objective={o} />
        </div>
      )}

      <Section title="Links">
        {o.links.length === 0 ? (
          <p className="text-sm text-slate-700">Not linked to any clause or AI system yet.</p>
        ) : (
          <ul className="list-inside list-disc text-sm text-slate-900">
            {o.links.map((l) => (
              <li key={`${l.type}|${l.id}`}>
                {l.type === "ai_system" ? (
                  <Link
                    to="/orgs/$orgId/ai-systems/$systemId"
                    params={{ orgId, systemId: l.id }}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    {l.label}
                  </Link>
                ) : (
                  l.label
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <ObjectiveMeasurementRuns orgId={orgId} objectiveId={o.id} />

      <Section title={`Progress entries (${o.progressCount})`}>
        {o.progress.length === 0 ? (
          <p className="text-sm text-slate-700">No progress recorded yet.</p>
        ) : (
          <Table caption="Progress entries, newest first">
            <TableHead columns={["Observed", "Value", "Source", "Recorded by", "Note"]} />
            <TableBody className="bg-white">
              {[...o.progress]
                .reverse()
                .slice(0, 50)
                .map((p) => (
                  <tr key={p.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(p.observedAt)}</Td>
                    <Td className="tabular-nums">{formatAmount(p.value, o.unit)}</Td>
                    <Td>{p.source}</Td>
                    <Td>{p.recordedByName ?? "—"}</Td>
                    <Td>{p.note || "—"}</Td>
                  </tr>
                ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}
