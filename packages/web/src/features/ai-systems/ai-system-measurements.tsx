import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { measurementsApi, measurementTrendsApi, type FairnessResult } from "../../api";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { measurementKeys, PolicyStatusBadge, when } from "../measurements/measurement-format";
import { MeasurementPoliciesPanel } from "../measurements/measurement-policies-panel";
import { MeasurementTrendChart } from "../measurements/measurement-trend-chart";
import { FairnessResults } from "../measurements/run-results";

function LatestFairness({ orgId, runId }: { orgId: string; runId: string }) {
  const query = useQuery({
    queryKey: measurementKeys.run(orgId, runId),
    queryFn: ({ signal }) => measurementsApi.run(orgId, runId, signal),
  });
  return (
    <QueryView query={query} loadingLabel="Loading the latest fairness run…">
      {(run) => {
        const failed = run.policyOutcome.rules.filter((r) => r.status === "fail");
        return (
          <section className="space-y-4" aria-label="Latest fairness run">
            <h3 className="text-base font-semibold text-slate-900">
              Latest fairness run:{" "}
              <Link
                to="/orgs/$orgId/measurement-runs/$runId"
                params={{ orgId, runId }}
                className={rowLinkClass}
              >
                {run.title}
              </Link>
            </h3>
            {failed.length > 0 && (
              <ul className="list-disc pl-6 text-sm text-red-800">
                {failed.flatMap((r) =>
                  r.failures.map((f) => <li key={`${r.label}${f}`}>{`${r.label}: ${f}`}</li>),
                )}
              </ul>
            )}
            <FairnessResults result={run.result as FairnessResult} rules={run.policyOutcome.rules} />
          </section>
        );
      }}
    </QueryView>
  );
}

/**
 * The AI system's thresholds (editable with `ai_system.update`), its runs with their policy outcome, trends of a
 * metric across runs, and the latest fairness run in detail. Each run opens on its own page.
 */
export function AiSystemMeasurements({ orgId, systemId }: { orgId: string; systemId: string }) {
  const runs = useQuery({
    queryKey: measurementKeys.runs(orgId, systemId),
    queryFn: ({ signal }) => measurementsApi.runs(orgId, systemId, { limit: 50 }, signal),
  });
  const catalogue = useQuery({
    queryKey: measurementKeys.trend(orgId, systemId, {}),
    queryFn: ({ signal }) => measurementTrendsApi.trend(orgId, systemId, {}, signal),
  });
  const scopes = [
    ...new Set((catalogue.data?.available ?? []).flatMap((m) => [...m.attributes, ...m.columns])),
  ].sort();
  return (
    <div className="space-y-8">
      <MeasurementPoliciesPanel orgId={orgId} systemId={systemId} scopes={scopes} />
      <QueryView
        query={runs}
        loadingLabel="Loading measurement runs…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title="No measurements yet">
            Record one with <code>aims measure fairness … --system {systemId} --upload</code>.
          </EmptyState>
        }
      >
        {(page) => {
          const latestFairness = page.items.find((r) => r.kind === "fairness");
          return (
            <div className="space-y-8">
              <Table caption="Measurement runs">
                <TableHead columns={["Run", "Kind", "Rows", "Policy", "Recorded"]} />
                <TableBody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <Td>
                        <Link
                          to="/orgs/$orgId/measurement-runs/$runId"
                          params={{ orgId, runId: r.id }}
                          className={rowLinkClass}
                        >
                          {r.title}
                        </Link>
                        {r.modelRef && (
                          <span className="block text-xs text-slate-600">model {r.modelRef}</span>
                        )}
                      </Td>
                      <Td>{r.kind}</Td>
                      <Td>{r.rowsUsed ?? "—"}</Td>
                      <Td>
                        <PolicyStatusBadge status={r.policyStatus} failed={r.failedRules} />
                      </Td>
                      <Td>{when.format(new Date(r.createdAt))}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
              <MeasurementTrendChart orgId={orgId} systemId={systemId} />
              {latestFairness && <LatestFairness orgId={orgId} runId={latestFairness.id} />}
            </div>
          );
        }}
      </QueryView>
    </div>
  );
}
