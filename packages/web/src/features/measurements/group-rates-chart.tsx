import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { FairnessResult } from "../../api";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { pct } from "./measurement-format";

type Group = FairnessResult["groups"][number];
type RateKey = "selectionRate" | "tpr";
const rates: { key: RateKey; label: string; fill: string }[] = [
  { key: "selectionRate", label: "Selection rate", fill: "#1d4ed8" },
  { key: "tpr", label: "TPR", fill: "#0f766e" },
];

/** [value − lower, upper − value] for recharts' ErrorBar; null when the run had no interval for the rate. */
function errorOf(g: Group, key: RateKey): [number, number] | null {
  const v = g[key];
  const ci = g.ci?.[key];
  if (v === null || !ci || ci.lower === null || ci.upper === null) return null;
  return [Math.max(0, v - ci.lower), Math.max(0, ci.upper - v)];
}

function interval(g: Group, key: RateKey): string {
  const ci = g.ci?.[key];
  return ci && ci.lower !== null && ci.upper !== null ? ` [${pct(ci.lower)}, ${pct(ci.upper)}]` : "";
}

/**
 * Selection rate and true positive rate per group of one attribute, with the bootstrap's percentile intervals
 * as error bars when the run was measured with `--bootstrap`; the same numbers in a table.
 */
export function GroupRatesChart({ result, attribute }: { result: FairnessResult; attribute: string }) {
  const groups = result.groups.filter((g) => g.attribute === attribute);
  const withCi = groups.some((g) => g.ci !== null);
  const boot = result.conventions.bootstrap;
  const data = groups.map((g) => ({
    group: g.smallGroup ? `${g.value} (small)` : g.value,
    ...Object.fromEntries(
      rates.flatMap((r) => [
        [r.label, g[r.key]],
        [`${r.key}Err`, errorOf(g, r.key)],
      ]),
    ),
  }));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">
        {attribute}: selection rate and true positive rate per group
        <span className="block text-xs font-normal text-slate-600">
          {withCi && boot
            ? `Error bars: ${Math.round((boot.quantiles[1] - boot.quantiles[0]) * 100)} % percentile bootstrap intervals (${boot.samples} replicates, seed ${boot.seed}).`
            : "No intervals (run without --bootstrap)."}
        </span>
      </figcaption>
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="group" />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={48} />
            <Tooltip formatter={(v) => (typeof v === "number" ? pct(v) : "—")} />
            <Legend />
            {rates.map((r) => (
              <Bar key={r.key} dataKey={r.label} fill={r.fill} isAnimationActive={false}>
                {withCi && <ErrorBar dataKey={`${r.key}Err`} width={6} stroke="#0f172a" direction="y" />}
              </Bar>
            ))}
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
              <Td>
                {pct(g.selectionRate)}
                {interval(g, "selectionRate")}
              </Td>
              <Td>
                {pct(g.tpr)}
                {interval(g, "tpr")}
              </Td>
              <Td>{pct(g.fpr)}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
