import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { MAX_PAGE_SIZE } from "@openaims/core";
import { incidentsApi, type IncidentListParams } from "../../api";
import { Badge } from "../../components/badge";
import { ErrorState } from "../../components/states";
import { daysLeftText, deadlineTone } from "../incidents/deadline-display";
import { incidentKeys } from "../incidents/queries";
import { runningClocks } from "./running-clocks";

const params: IncidentListParams = { open: "true", limit: MAX_PAGE_SIZE };

/**
 * Open incidents whose EU AI Act reporting clocks are running: each unmet deadline with the days left, red at 2
 * days or fewer and when overdue (docs/incidents.md). One request: the open-incident list carries the deadlines.
 */
export function IncidentCountdownCard({ orgId }: { orgId: string }) {
  const query = useQuery({
    queryKey: incidentKeys.list(orgId, params),
    queryFn: ({ signal }) => incidentsApi.list(orgId, params, signal),
  });
  const clocks = query.data ? runningClocks(query.data.items) : [];
  return (
    <section aria-label="Incident reporting clocks" className="rounded-lg border border-slate-200 p-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">Incident reporting clocks</h2>
        <Link
          to="/orgs/$orgId/incidents"
          params={{ orgId }}
          className="text-sm text-blue-800 hover:underline"
        >
          All incidents
        </Link>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : clocks.length === 0 ? (
        <p className="text-sm text-slate-700">No open incident has a reporting deadline running.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {clocks.map(({ incident, deadlines }) => (
            <li key={incident.id} className="py-2 text-sm">
              <Link
                to="/orgs/$orgId/incidents/$incidentId"
                params={{ orgId, incidentId: incident.id }}
                className="font-medium text-slate-900 hover:underline"
              >
                {incident.title}
              </Link>
              <ul className="mt-1 space-y-1">
                {deadlines.map((d) => (
                  <li key={d.kind} className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="text-slate-700">
                      {d.title} ({d.basis}) · due <time dateTime={d.dueAt}>{d.dueAt}</time>
                    </span>
                    <Badge tone={deadlineTone(d)}>{daysLeftText(d)}</Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {query.data?.nextCursor && (
        <p className="mt-2 text-xs text-slate-600">
          Only the newest {MAX_PAGE_SIZE} open incidents are checked; see the incident list for the rest.
        </p>
      )}
    </section>
  );
}
