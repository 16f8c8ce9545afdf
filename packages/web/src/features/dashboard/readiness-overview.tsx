import type { ReadinessNodeView, ReadinessView, TaskSummary } from "@openaims/core";
import { Link } from "@tanstack/react-router";
import { Section } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/states";
import { AreaLink, FirstPageLink } from "../readiness/area-link";
import { useReadiness, useTaskSummary } from "../readiness/queries";
import { ReadinessBars } from "../readiness/readiness-bars";
import { areaPages, percentLabel, statusLabels } from "../readiness/readiness-labels";
import { topGaps } from "./top-gaps";

/** The dashboard's readiness block: percentages, what needs attention and the top gaps. */
export function ReadinessOverview({ orgId }: { orgId: string }) {
  const readiness = useReadiness(orgId);
  const tasks = useTaskSummary(orgId);
  if (readiness.isPending) return <LoadingState label="Computing readiness…" />;
  if (readiness.isError)
    return <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const view = readiness.data;
  return (
    <>
      <Section
        title={`ISO/IEC 42001 readiness · ${percentLabel(view.percent)}`}
        actions={
          <Link to="/orgs/$orgId/readiness" params={{ orgId }} className="text-sm text-blue-700 underline">
            Every requirement and control
          </Link>
        }
      >
        <div className="grid gap-8 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-800">
              By clause · {percentLabel(view.clausesPercent)}
            </h3>
            <ReadinessBars groups={view.clauses} label="Readiness by clause" />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-800">
              By Annex A group · {percentLabel(view.annexPercent)}
            </h3>
            <ReadinessBars groups={view.annexGroups} label="Readiness by Annex A group" />
          </div>
        </div>
      </Section>
      <Section title="Needs attention">
        <Attention orgId={orgId} view={view} tasks={tasks.data} tasksFailed={tasks.isError} />
      </Section>
      <Section title="Top missing items">
        <TopGaps orgId={orgId} nodes={topGaps(view.nodes)} />
      </Section>
    </>
  );
}

function Attention(props: {
  orgId: string;
  view: ReadinessView;
  tasks: TaskSummary | null | undefined;
  tasksFailed: boolean;
}) {
  const { orgId, view, tasks, tasksFailed } = props;
  const overdueTasks =
    tasksFailed || tasks === null ? "—" : tasks === undefined ? "…" : String(tasks.overdue);
  const cards: { label: string; value: string; paths: readonly string[]; detail?: string }[] = [
    {
      label: "Document reviews overdue",
      value: String(view.signals.documentsReviewOverdue),
      paths: areaPages.documents.paths,
    },
    {
      label: "Tasks overdue",
      value: overdueTasks,
      paths: ["/orgs/$orgId/tasks"],
      detail: tasks === null ? "tasks are not available on this server" : undefined,
    },
    {
      label: "Stale evidence",
      value: String(view.signals.evidenceStale),
      paths: areaPages.evidence.paths,
      detail: `of ${view.signals.evidenceTotal} items`,
    },
  ];
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      {cards.map((c) => (
        <li key={c.label}>
          <FirstPageLink
            orgId={orgId}
            paths={c.paths}
            className="block rounded-lg border border-slate-200 p-4 hover:border-blue-400 hover:bg-blue-50"
          >
            <span className="block text-sm text-slate-700">{c.label}</span>
            <span
              className={`mt-1 block text-3xl font-semibold ${c.value !== "0" && c.value !== "—" && c.value !== "…" ? "text-red-700" : "text-slate-900"}`}
            >
              {c.value}
            </span>
            {c.detail && <span className="block text-xs text-slate-600">{c.detail}</span>}
          </FirstPageLink>
        </li>
      ))}
    </ul>
  );
}

function TopGaps({ orgId, nodes }: { orgId: string; nodes: ReadinessNodeView[] }) {
  if (nodes.length === 0)
    return <p className="text-sm text-slate-700">Nothing missing: every requirement and control is ready.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {nodes.map((n) => {
        const gap = n.missing[0];
        return (
          <li key={n.nodeId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3 text-sm">
            <Link
              to="/orgs/$orgId/readiness"
              params={{ orgId }}
              hash={n.nodeId}
              className="font-medium text-slate-900 underline"
            >
              {n.nodeId} {n.title}
            </Link>
            <span className="text-slate-600">{statusLabels[n.status]}</span>
            {gap && (
              <span className="text-slate-800">
                {gap.text}
                {n.missing.length > 1 && ` (+${n.missing.length - 1} more)`}{" "}
                <AreaLink orgId={orgId} area={gap.area} className="text-blue-700 underline">
                  {areaPages[gap.area].label}
                </AreaLink>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
