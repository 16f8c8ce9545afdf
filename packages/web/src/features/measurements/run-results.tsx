import {
  metricValues,
  performancePolicyMetrics,
  type DriftRunResult,
  type MeasurementRunView,
  type PerformanceRunResult,
} from "@openaims/core";
import type { FairnessResult } from "../../api";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { AequitasDisparities, BetweenGroupTable } from "./disparity-table";
import { GroupRatesChart } from "./group-rates-chart";
import { num } from "./measurement-format";
import { Verdicts } from "./verdicts";

type Rules = MeasurementRunView["policyOutcome"]["rules"];

/** Per attribute: rates per group (with intervals), Aequitas disparities; then every between-group metric. */
export function FairnessResults({ result, rules }: { result: FairnessResult; rules: Rules }) {
  const attributes = [...new Set(result.groups.map((g) => g.attribute))];
  return (
    <div className="space-y-6">
      {attributes.map((a) => (
        <div key={a} className="space-y-3">
          <GroupRatesChart result={result} attribute={a} />
          <AequitasDisparities result={result} attribute={a} />
        </div>
      ))}
      <BetweenGroupTable result={result} rules={rules} />
    </div>
  );
}

/** Each performance metric overall (and per group with `--group`), with the policy verdicts. */
export function PerformanceResults({ result, rules }: { result: PerformanceRunResult; rules: Rules }) {
  const attributes = [...new Set((result.groups ?? []).map((g) => g.attribute))];
  const rows = performancePolicyMetrics.flatMap((metric) => [
    ...metricValues(result, { metric }).map((v) => ({ metric, ...v })),
    ...attributes.flatMap((attribute) =>
      metricValues(result, { metric, attribute }).map((v) => ({ metric, ...v })),
    ),
  ]);
  return (
    <Table
      caption={`Performance on ${result.n} rows (TP ${result.tp}, FP ${result.fp}, TN ${result.tn}, FN ${result.fn})`}
    >
      <TableHead columns={["Metric", "Where", "Value", "Policy"]} />
      <TableBody>
        {rows.map((r) => (
          <tr key={`${r.metric}|${r.where}`}>
            <Td>{r.metric}</Td>
            <Td>{r.where}</Td>
            <Td>{r.value === null ? `— (${r.reason ?? "no value"})` : num(r.value)}</Td>
            <Td>
              <Verdicts rules={rules} metric={r.metric} where={r.where} />
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/** Per column, each drift test: value, p-value, band or verdict, with the policy verdicts. */
export function DriftResults({ result, rules }: { result: DriftRunResult; rules: Rules }) {
  return (
    <Table caption="Drift per column (reference vs current)">
      <TableHead columns={["Column", "Test", "Value", "p-value", "Band", "Policy"]} />
      <TableBody>
        {result.columns.flatMap((c) =>
          c.tests.map((t) => (
            <tr key={`${c.column}|${t.metric}`}>
              <Td>
                {c.column}
                <span className="block text-xs text-slate-600">
                  {c.columnKind}, n {c.referenceN} → {c.currentN}
                </span>
              </Td>
              <Td>{t.metric}</Td>
              <Td>{t.value === null ? `— (${t.reason ?? "no value"})` : num(t.value)}</Td>
              <Td>{num(t.pValue)}</Td>
              <Td className="text-xs">
                {t.band ?? (t.drift === null ? "—" : t.drift ? "drift" : "no drift")}
              </Td>
              <Td>
                <Verdicts rules={rules} metric={t.metric} where={`column ${c.column}`} />
              </Td>
            </tr>
          )),
        )}
      </TableBody>
    </Table>
  );
}
