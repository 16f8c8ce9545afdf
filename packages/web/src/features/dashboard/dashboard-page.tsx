import { useQueries } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { lifecycleStages, type LifecycleStage } from "@openaims/core";
import { aiSystemsApi } from "../../api";
import { PageHeader, Section } from "../../components/page-header";
import { ErrorState } from "../../components/states";
import { lifecycleLabel } from "../ai-systems/ai-system-fields";
import { aiSystemKeys } from "../ai-systems/queries";
import { useCan, useMembership } from "../session/use-me";
import { MyTasksCard } from "../tasks/my-tasks-card";
import { IncidentCountdownCard } from "./incident-countdown-card";
import { ReadinessOverview } from "./readiness-overview";

const route = getRouteApi("/orgs/$orgId/");

/** Counts come from the list endpoint's `total` with `limit=1`: one small query per stage. */
export function DashboardPage() {
  const { orgId } = route.useParams();
  const membership = useMembership(orgId);
  const can = useCan(orgId);
  const stages: (LifecycleStage | undefined)[] = [undefined, ...lifecycleStages];
  const counts = useQueries({
    queries: stages.map((stage) => {
      const params = { lifecycleStage: stage, archived: "false" as const, limit: 1 };
      return {
        queryKey: aiSystemKeys.list(orgId, params),
        queryFn: ({ signal }: { signal: AbortSignal }) => aiSystemsApi.list(orgId, params, signal),
        enabled: can("ai_system.read"),
      };
    }),
  });
  const [all, ...byStage] = counts;
  const failed = counts.find((c) => c.isError);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={membership ? `${membership.orgName} · ${membership.roleLabel}` : undefined}
      />
      {can("aims.read") && (
        <>
          <ReadinessOverview orgId={orgId} />
          <div className="mb-10 grid gap-4 lg:grid-cols-2">
            <MyTasksCard orgId={orgId} />
            <IncidentCountdownCard orgId={orgId} />
          </div>
        </>
      )}
      <Section title="AI systems by lifecycle stage">
        {!can("ai_system.read") ? (
          <p className="text-sm text-slate-700">Your role does not include the AI system register.</p>
        ) : failed ? (
          <ErrorState error={failed.error} onRetry={() => counts.forEach((c) => void c.refetch())} />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <CountCard orgId={orgId} label="All stages" count={all?.data?.total} highlight />
            {lifecycleStages.map((stage, i) => (
              <CountCard
                key={stage}
                orgId={orgId}
                stage={stage}
                label={lifecycleLabel(stage)}
                count={byStage[i]?.data?.total}
              />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function CountCard(props: {
  orgId: string;
  label: string;
  count: number | undefined;
  stage?: LifecycleStage;
  highlight?: boolean;
}) {
  const { orgId, label, count, stage, highlight } = props;
  return (
    <li>
      <Link
        to="/orgs/$orgId/ai-systems"
        params={{ orgId }}
        search={stage ? { lifecycleStage: stage } : {}}
        className={`block rounded-lg border p-4 hover:border-blue-400 hover:bg-blue-50 ${highlight ? "border-blue-300 bg-blue-50/60" : "border-slate-200"}`}
      >
        <span className="block text-sm text-slate-700">{label}</span>
        <span className="mt-1 block text-3xl font-semibold text-slate-900">
          {count === undefined ? <span className="text-slate-400">…</span> : count}
        </span>
      </Link>
    </li>
  );
}
