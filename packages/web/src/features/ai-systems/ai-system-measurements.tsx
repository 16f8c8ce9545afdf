import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { measurementsApi, type FairnessResult, type MeasurementRunSummary } from "../../api";
import { Badge } from "../../components/badge";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";

const keys = {
  runs: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "measurement-runs", systemId] as const,
  run: (orgId: string, runId: string) => ["orgs", orgId, "measurement-runs", runId] as const,
  policies: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "measurement-policies", systemId] as const,
};

const statusTone = { pass: "green", fail: "red", no_policies: "neutral" } as const;
const statusLabel = { pass: "Pass", fail: "Failed", no_policies: "No policy" } as const;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);

function PolicyBadge({ run }: { run: MeasurementRunSummary }) {
  return (
    <Badge tone={statusTone[run.policyStatus]}>
      {statusLabel[run.policyStatus]}
      {run.policyStatus === "fail" ? ` (${run.failedRules})` : ""}
    </Badge>
  );
}

/** Selection rate and true positive rate per group of one attribute, with the numbers in a table as well. */
function GroupRatesChart({ result, attribute }: { result: FairnessResult; attribute: string }) {
  const groups = result.groups.filter((g) => g.attribute === attribute);
  const data = groups.map((g) => ({
    group: g.smallGroup ? `${g.value} (small)` : g.value,
    "Selection rate": g.selectionRate,
    TPR: g.tpr,
  }));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">
        {attribute}: selection rate and true positive rate per group
      </figcaption>
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="group" />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={48} />
            <Tooltip formatter={(v) => pct(v === null || v === undefined ? null : Number(v))} />
            <Legend />
            <Bar dataKey="Selection rate" fill="#1d4ed8" />
            <Bar dataKey="TPR" fill="#0f766e" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table caption={`Rates per ${attribute} group`}>
        <TableHead columns={["Group", "n", "Selection rate", "TPR", "FPR"]} />
        <TableBody>
          {groups.map((g) => (
            <tr key={g.value}>
              <Td>
                {g.value}
                {g.isReference && " (reference)"}
                {g.smallGroup && " (small group)"}
              </Td>
              <Td>{g.n}</Td>
              <Td>{pct(g.selectionRate)}</Td>
              <Td>{pct(g.tpr)}</Td>
              <Td>{pct(g.fpr)}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}

function LatestFairness({ orgId, runId }: { orgId: string; runId: string }) {
  const query = useQuery({
    queryKey: keys.run(orgId, runId),
    queryFn: ({ signal }) => measurementsApi.run(orgId, runId, signal),
  });
  return (
    <QueryView query={query} loadingLabel="Loading the latest fairness run…">
      {(run) => {
        const result = run.result as FairnessResult;
        const attributes = [...new Set(result.groups.map((g) => g.attribute))];
        const failed = run.policyOutcome.rules.filter((r) => r.status === "fail");
        return (
          <section className="space-y-4" aria-label="Latest fairness run">
            <h3 className="text-base font-semibold text-slate-900">Latest fairness run: {run.title}</h3>
            {failed.length > 0 && (
              <ul className="list-disc pl-6 text-sm text-red-800">
                {failed.flatMap((r) =>
                  r.failures.map((f) => <li key={`${r.label}${f}`}>{`${r.label}: ${f}`}</li>),
                )}
              </ul>
            )}
            {attributes.map((a) => (
              <GroupRatesChart key={a} result={result} attribute={a} />
            ))}
          </section>
        );
      }}
    </QueryView>
  );
}

/** The AI system's stored measurement runs with their policy outcome, its policies, and the latest fairness run. */
export function AiSystemMeasurements({ orgId, systemId }: { orgId: string; systemId: string }) {
  const runs = useQuery({
    queryKey: keys.runs(orgId, systemId),
    queryFn: ({ signal }) => measurementsApi.runs(orgId, systemId, { limit: 50 }, signal),
  });
  const policies = useQuery({
    queryKey: keys.policies(orgId, systemId),
    queryFn: ({ signal }) => measurementsApi.policies(orgId, systemId, signal),
  });
  return (
    <div className="space-y-6">
      <QueryView query={policies} loadingLabel="Loading policies…">
        {(p) => (
          <section aria-label="Measurement policies">
            <h3 className="mb-2 text-base font-semibold text-slate-900">Policies</h3>
            {p.items.length === 0 ? (
              <p className="text-sm text-slate-600">No thresholds are set for this AI system.</p>
            ) : (
              <ul className="flex flex-wrap gap-2">
                {p.items.map((x) => (
                  <li key={x.id}>
                    <Badge tone="blue">{x.label}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </QueryView>
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
            <div className="space-y-6">
              <Table caption="Measurement runs">
                <TableHead columns={["Run", "Kind", "Rows", "Policy", "Recorded"]} />
                <TableBody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <Td>
                        {r.title}
                        {r.modelRef && (
                          <span className="block text-xs text-slate-600">model {r.modelRef}</span>
                        )}
                      </Td>
                      <Td>{r.kind}</Td>
                      <Td>{r.rowsUsed ?? "—"}</Td>
                      <Td>
                        <PolicyBadge run={r} />
                      </Td>
                      <Td>{when.format(new Date(r.createdAt))}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
              {latestFairness && <LatestFairness orgId={orgId} runId={latestFairness.id} />}
            </div>
          );
        }}
      </QueryView>
    </div>
  );
}
