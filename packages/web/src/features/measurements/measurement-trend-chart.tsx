import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import { measurementTrendsApi, type MeasurementTrend } from "../../api";
import { SelectField } from "../../components/form-controls";
import { QueryView } from "../../components/query-view";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { measurementKeys, num, VerdictBadge, when } from "./measurement-format";

const palette = ["#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#475569", "#15803d", "#0369a1"];
const axisDate = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

interface Selection {
  metric?: string;
  scope?: string;
}

function TrendLines({ trend }: { trend: MeasurementTrend }) {
  if (trend.runs.length === 0)
    return <p className="text-sm text-slate-600">No {trend.kind} runs recorded for this AI system yet.</p>;
  if (trend.series.length === 0)
    return (
      <p className="text-sm text-slate-600">The runs hold no value of {trend.metric} for this selection.</p>
    );
  const t = (iso: string) => new Date(iso).getTime();
  const times = trend.runs.map((r) => t(r.createdAt));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm text-slate-700">
        {trend.metric} over {trend.runs.length} runs
        {trend.truncated ? " (the latest; older runs left out)" : ""}. Dashed lines: the current thresholds; a
        red dot is a value a policy failed when the run was recorded.
      </figcaption>
      <div className="h-72" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[Math.min(...times), Math.max(...times)]}
              tickFormatter={(v: number) => axisDate.format(new Date(v))}
              allowDuplicatedCategory={false}
            />
            <YAxis width={64} tickFormatter={(v: number) => num(v)} />
            <Tooltip
              labelFormatter={(v) => when.format(new Date(Number(v)))}
              formatter={(v) => (typeof v === "number" ? num(v) : "—")}
            />
            <Legend />
            {trend.thresholds.map((th) => (
              <ReferenceLine
                key={th.policyId}
                y={th.value}
                stroke="#b91c1c"
                strokeDasharray="6 3"
                label={{ value: th.label, position: "insideTopLeft", fill: "#b91c1c", fontSize: 11 }}
              />
            ))}
            {trend.series.map((s, i) => (
              <Line
                key={s.where}
                data={s.points.map((p) => ({ t: t(p.createdAt), value: p.value, verdict: p.verdict }))}
                dataKey="value"
                name={s.where}
                stroke={palette[i % palette.length]}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
                dot={(props: DotItemDotProps) => {
                  const failed =
                    (props.payload as { verdict?: string | null } | undefined)?.verdict === "fail";
                  return (
                    <circle
                      key={`${s.where}-${props.index}`}
                      cx={props.cx}
                      cy={props.cy}
                      r={failed ? 5 : 3}
                      fill={failed ? "#dc2626" : palette[i % palette.length]}
                    />
                  );
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Table caption={`${trend.metric} per run`}>
        <TableHead columns={["Run", "Recorded", ...trend.series.map((s) => s.where)]} />
        <TableBody>
          {trend.runs.map((r) => (
            <tr key={r.id}>
              <Td>{r.title}</Td>
              <Td>{when.format(new Date(r.createdAt))}</Td>
              {trend.series.map((s) => {
                const p = s.points.find((x) => x.runId === r.id);
                return (
                  <Td key={s.where}>
                    {p ? (p.value === null ? `— (${p.reason ?? "no value"})` : num(p.value)) : "—"}{" "}
                    {p?.verdict && <VerdictBadge verdict={p.verdict} />}
                  </Td>
                );
              })}
            </tr>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}

/** A metric chosen from what the system's runs hold, narrowed to one attribute or column, across the runs. */
export function MeasurementTrendChart({ orgId, systemId }: { orgId: string; systemId: string }) {
  const [sel, setSel] = useState<Selection>({});
  const catalogue = useQuery({
    queryKey: measurementKeys.trend(orgId, systemId, {}),
    queryFn: ({ signal }) => measurementTrendsApi.trend(orgId, systemId, {}, signal),
  });
  const available = catalogue.data?.available ?? [];
  const metric = available.find((m) => m.metric === sel.metric) ?? available[0];
  const scopes = metric ? (metric.kind === "drift" ? metric.columns : metric.attributes) : [];
  const scope = sel.scope && scopes.includes(sel.scope) ? sel.scope : undefined;
  const params = metric
    ? {
        metric: metric.metric,
        ...(scope ? (metric.kind === "drift" ? { column: scope } : { attribute: scope }) : {}),
      }
    : null;
  const trend = useQuery({
    queryKey: measurementKeys.trend(orgId, systemId, params ?? {}),
    queryFn: ({ signal }) => measurementTrendsApi.trend(orgId, systemId, params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-label="Trends across runs" className="space-y-3">
      <h3 className="text-base font-semibold text-slate-900">Trends across runs</h3>
      <QueryView query={catalogue} loadingLabel="Loading metrics…">
        {() =>
          !metric ? (
            <p className="text-sm text-slate-600">No runs or policies yet: nothing to chart.</p>
          ) : (
            <div className="space-y-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  label="Metric"
                  value={metric.metric}
                  onChange={(e) => setSel({ metric: e.target.value })}
                  options={available.map((m) => ({ value: m.metric, label: `${m.metric} (${m.kind})` }))}
                />
                <SelectField
                  label={metric.kind === "drift" ? "Column" : "Attribute"}
                  value={scope ?? ""}
                  onChange={(e) => setSel({ metric: metric.metric, scope: e.target.value || undefined })}
                  options={[
                    { value: "", label: metric.kind === "performance" ? "Overall" : "All" },
                    ...scopes.map((s) => ({ value: s, label: s })),
                  ]}
                />
              </div>
              <QueryView query={trend} loadingLabel="Loading the trend…">
                {(t) => <TrendLines trend={t} />}
              </QueryView>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
