import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ObligationStatus } from "@openaims/core";
import { euAiActApi, type OrgObligationParams } from "../../api";
import { Badge } from "../../components/badge";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import {
  CountsLine,
  ObligationItem,
  ObligationTimeline,
  obligationStatusLabel,
  obligationStatusTone,
} from "./obligation-parts";
import { obligationKeys } from "./system-obligations";

const route = getRouteApi("/orgs/$orgId/obligations");

/** Every tracked EU AI Act obligation of the organization's live AI systems: what applies when, what is late. */
export function ObligationsPage() {
  const { orgId } = route.useParams();
  const [status, setStatus] = useState<ObligationStatus | "">("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const params: OrgObligationParams = {
    ...(status ? { status } : {}),
    ...(overdueOnly ? { overdue: "true" as const } : {}),
  };
  const query = useQuery({
    queryKey: [...obligationKeys.org(orgId), params],
    queryFn: ({ signal }) => euAiActApi.orgObligations(orgId, params, signal),
  });

  return (
    <>
      <PageHeader
        title="EU AI Act obligations"
        description="What each AI system owes and from when, across the organization. Edit an obligation on its system's Classification tab."
      />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <label className="text-sm text-slate-800">
          <span className="block">Status</span>
          <select
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={status}
            onChange={(e) => setStatus(e.target.value as ObligationStatus | "")}
          >
            <option value="">Any</option>
            {(Object.keys(obligationStatusLabel) as ObligationStatus[]).map((s) => (
              <option key={s} value={s}>
                {obligationStatusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          Overdue only
        </label>
      </div>
      <QueryView
        query={query}
        loadingLabel="Loading obligations…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title="No obligations match">
            Classify AI systems on their Classification tab to track what they owe under the EU AI Act.
          </EmptyState>
        }
      >
        {(list) => (
          <div className="space-y-4">
            <p className="text-sm text-slate-800">
              {list.counts.total} obligation{list.counts.total === 1 ? "" : "s"}:{" "}
              <CountsLine {...list.counts} />
              {list.truncated && ` — the first ${list.items.length} are shown; filter to see the rest.`}
            </p>
            <ObligationTimeline
              items={list.items}
              renderItem={(o) => (
                <ObligationItem
                  key={o.id}
                  orgId={orgId}
                  o={o}
                  system={
                    <Link
                      to="/orgs/$orgId/ai-systems/$systemId"
                      params={{ orgId, systemId: o.aiSystemId }}
                      search={{ tab: "classification" }}
                      className="font-medium text-blue-800 underline"
                    >
                      {o.aiSystemName}
                    </Link>
                  }
                  aside={
                    <Badge tone={obligationStatusTone[o.status]}>{obligationStatusLabel[o.status]}</Badge>
                  }
                />
              )}
            />
          </div>
        )}
      </QueryView>
    </>
  );
}
