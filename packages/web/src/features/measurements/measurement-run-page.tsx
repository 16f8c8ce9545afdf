import type { ReactNode } from "react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import type { DriftRunResult, PerformanceRunResult } from "@openaims/core";
import { measurementsApi, type FairnessResult, type MeasurementRunView } from "../../api";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { PolicyRulesTable } from "./disparity-table";
import { measurementKeys, PolicyStatusBadge, when } from "./measurement-format";
import { RunObjectivesPanel } from "./run-objectives-panel";
import { DriftResults, FairnessResults, PerformanceResults } from "./run-results";

const route = getRouteApi("/orgs/$orgId/measurement-runs/$runId");
const linkClass = "text-blue-800 underline-offset-2 hover:underline";

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-80 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Warnings the engine attached: fairness/performance at the top, drift per column. */
function warningsOf(run: MeasurementRunView): string[] {
  const r = run.result as { warnings?: string[]; columns?: { column: string; warnings: string[] }[] };
  const input = run.input as { warnings?: string[] } | null;
  return [
    ...(input?.warnings ?? []),
    ...(r.warnings ?? []),
    ...(r.columns ?? []).flatMap((c) => c.warnings.map((w) => `${c.column}: ${w}`)),
  ];
}

function RunFacts({ orgId, run }: { orgId: string; run: MeasurementRunView }) {
  const facts: [string, ReactNode][] = [
    ["Kind", run.kind],
    ["Recorded", `${when.format(new Date(run.createdAt))} (${run.source})`],
    [
      "AI system",
      <Link
        key="s"
        to="/orgs/$orgId/ai-systems/$systemId"
        params={{ orgId, systemId: run.aiSystemId }}
        search={{ tab: "measurements" }}
        className={linkClass}
      >
        Open the system&apos;s measurements
      </Link>,
    ],
    ["Model", run.modelRef ?? "—"],
    ["Dataset", run.datasetRef ?? "—"],
    [
      "Input SHA-256",
      <code key="h" className="text-xs break-all">
        {run.sha256 ?? "—"}
      </code>,
    ],
    ["Rows used", run.rowsUsed ?? "—"],
    [
      "Evidence",
      run.evidenceId ? (
        <Link
          key="e"
          to="/orgs/$orgId/evidence/$evidenceId"
          params={{ orgId, evidenceId: run.evidenceId }}
          className={linkClass}
        >
          The evidence item this run became
        </Link>
      ) : (
        "—"
      ),
    ],
    [
      "Task",
      run.taskId ? (
        <Link
          key="t"
          to="/orgs/$orgId/tasks"
          params={{ orgId }}
          search={{ tab: "all" }}
          className={linkClass}
        >
          A task was opened for the failed policies
        </Link>
      ) : (
        "—"
      ),
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function RunDetail({ orgId, run }: { orgId: string; run: MeasurementRunView }) {
  useDocumentTitle(run.title);
  const warnings = warningsOf(run);
  const rules = run.policyOutcome.rules;
  return (
    <div className="space-y-8">
      <PageHeader
        title={run.title}
        description={<PolicyStatusBadge status={run.policyStatus} failed={run.failedRules} />}
      />
      <RunFacts orgId={orgId} run={run} />
      {warnings.length > 0 && (
        <section aria-label="Warnings">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">Warnings</h2>
          <ul className="list-disc pl-6 text-sm text-amber-900">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Policy verdicts" className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">Policy verdicts</h2>
        <PolicyRulesTable rules={rules} />
      </section>
      <section aria-label="Results" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Results</h2>
        {run.kind === "fairness" && <FairnessResults result={run.result as FairnessResult} rules={rules} />}
        {run.kind === "performance" && (
          <PerformanceResults result={run.result as PerformanceRunResult} rules={rules} />
        )}
        {run.kind === "drift" && <DriftResults result={run.result as DriftRunResult} rules={rules} />}
      </section>
      <RunObjectivesPanel orgId={orgId} run={run} />
      <section aria-label="How it was computed" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">How it was computed</h2>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Parameters</summary>
          <Json value={run.parameters} />
        </details>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Input fingerprint</summary>
          <Json value={run.input} />
        </details>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Conventions</summary>
          <Json value={run.conventions} />
        </details>
      </section>
    </div>
  );
}

/** One stored measurement run: fingerprint, parameters, conventions, warnings, results and policy verdicts. */
export function MeasurementRunPage() {
  const { orgId, runId } = route.useParams();
  const query = useQuery({
    queryKey: measurementKeys.run(orgId, runId),
    queryFn: ({ signal }) => measurementsApi.run(orgId, runId, signal),
  });
  return (
    <QueryView query={query} loadingLabel="Loading the measurement run…">
      {(run) => <RunDetail orgId={orgId} run={run} />}
    </QueryView>
  );
}
