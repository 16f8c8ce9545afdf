import { useState } from "react";
import { getRouteApi } from "@tanstack/react-router";
import type { ReadinessNodeView, ReadinessStatus, ReadinessView } from "@openaims/core";
import { PageHeader, Section, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useCan } from "../session/use-me";
import { useReadiness } from "./queries";
import { ReadinessNode } from "./readiness-node";
import { percentLabel, statusLabels } from "./readiness-labels";

const route = getRouteApi("/orgs/$orgId/readiness");

type StatusFilter = "all" | "open" | ReadinessStatus;
const statusFilters: [StatusFilter, string][] = [
  ["all", "All"],
  ["open", "Not ready (partial or missing)"],
  ...(["ready", "partial", "missing", "not_applicable"] as const).map(
    (s) => [s, statusLabels[s]] as [StatusFilter, string],
  ),
];

const matches = (n: ReadinessNodeView, f: StatusFilter) =>
  f === "all" || (f === "open" ? n.status === "partial" || n.status === "missing" : n.status === f);

/** Every ISO/IEC 42001 requirement and Annex A control with its readiness, what is missing and why. */
export function ReadinessPage() {
  useDocumentTitle("Readiness");
  const { orgId } = route.useParams();
  const can = useCan(orgId);
  const query = useReadiness(orgId, can("aims.read"));
  const [status, setStatus] = useState<StatusFilter>("all");
  const [group, setGroup] = useState<string>("");

  if (!can("aims.read"))
    return (
      <>
        <PageHeader title="Readiness" />
        <p className="text-sm text-slate-700">Your role does not include the management system's records.</p>
      </>
    );

  return (
    <>
      <PageHeader
        title="Readiness"
        description="ISO/IEC 42001: what is ready for a certification audit and exactly what is missing, computed from your records each time you open this page."
      />
      <QueryView query={query} loadingLabel="Computing readiness…">
        {(view) => (
          <>
            <Summary view={view} />
            <div className="mb-6 flex flex-wrap gap-4 text-sm text-slate-800">
              <label className="flex items-center gap-2">
                Status
                <select
                  className="rounded-md border border-slate-300 px-2 py-1"
                  value={status}
                  onChange={(e) => setStatus(e.target.value as StatusFilter)}
                >
                  {statusFilters.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex items-center gap-2">
                Clause or Annex A group
                <select
                  className="rounded-md border border-slate-300 px-2 py-1"
                  value={group}
                  onChange={(e) => setGroup(e.target.value)}
                >
                  <option value="">All</option>
                  {[...view.clauses, ...view.annexGroups].map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.id} {g.title}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {[...view.clauses, ...view.annexGroups]
              .filter((g) => !group || g.id === group)
              .map((g) => {
                const nodes = view.nodes.filter((n) => n.groupId === g.id && matches(n, status));
                if (nodes.length === 0) return null;
                return (
                  <Section key={g.id} title={`${g.id} ${g.title} · ${percentLabel(g.percent)}`}>
                    <div className="space-y-3">
                      {nodes.map((n) => (
                        <ReadinessNode key={n.nodeId} orgId={orgId} node={n} />
                      ))}
                    </div>
                  </Section>
                );
              })}
          </>
        )}
      </QueryView>
    </>
  );
}

function Summary({ view }: { view: ReadinessView }) {
  const c = view.counts;
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {(
        [
          ["Overall", percentLabel(view.percent)],
          ["Clauses 4–10", percentLabel(view.clausesPercent)],
          ["Annex A", percentLabel(view.annexPercent)],
          ["Ready", String(c.ready)],
          ["Partial / missing", `${c.partial} / ${c.missing}`],
          ["Not applicable", String(c.notApplicable)],
        ] as const
      ).map(([k, v]) => (
        <div key={k} className="rounded-lg border border-slate-200 p-3">
          <dt className="text-sm text-slate-700">{k}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900">{v}</dd>
        </div>
      ))}
      <p className="text-sm text-slate-600 sm:col-span-3 lg:col-span-6">As of {view.asOf} (UTC).</p>
    </dl>
  );
}
