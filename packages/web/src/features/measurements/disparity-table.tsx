import { betweenWhere, disparityMetricNames, inequalityWhere, type MeasurementRunView } from "@openaims/core";
import type { FairnessResult } from "../../api";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { num, VerdictBadge } from "./measurement-format";
import { Verdicts } from "./verdicts";

type Rule = MeasurementRunView["policyOutcome"]["rules"][number];

const ciText = (ci: { lower: number | null; upper: number | null } | null) =>
  ci && ci.lower !== null && ci.upper !== null ? `[${num(ci.lower)}, ${num(ci.upper)}]` : "—";

/**
 * The between-group metrics of a fairness run (value, reference group, conventions, interval) with the verdict of
 * every policy rule on the metric, then the inequality indices.
 */
export function BetweenGroupTable({ result, rules }: { result: FairnessResult; rules: Rule[] }) {
  return (
    <Table caption="Between-group metrics and policy verdicts">
      <TableHead columns={["Metric", "Where", "Value", "Interval", "Convention", "Policy"]} />
      <TableBody>
        {result.between.map((b) => {
          const where = betweenWhere(b);
          return (
            <tr key={`${b.metric}|${where}`}>
              <Td>
                {b.metric}
                {b.note && <span className="block text-xs text-slate-600">{b.note}</span>}
              </Td>
              <Td>
                {where}
                {b.method !== "vs_reference" && b.referenceGroup && (
                  <span className="block text-xs text-slate-600">reference {b.referenceGroup}</span>
                )}
              </Td>
              <Td>{b.value === null ? `— (${b.reason ?? "no value"})` : num(b.value)}</Td>
              <Td>{ciText(b.ci)}</Td>
              <Td className="text-xs">
                {[b.method, b.differenceSign, b.ratioDirection].filter(Boolean).join(", ")}
              </Td>
              <Td>
                <Verdicts rules={rules} metric={b.metric} where={where} />
              </Td>
            </tr>
          );
        })}
        {result.inequality.map((i) => {
          const where = inequalityWhere(i);
          return (
            <tr key={`${i.metric}|${where}`}>
              <Td>{i.metric}</Td>
              <Td>{where}</Td>
              <Td>{i.value === null ? `— (${i.reason ?? "no value"})` : num(i.value)}</Td>
              <Td>{ciText(i.ci)}</Td>
              <Td className="text-xs">α = {i.alpha}</Td>
              <Td>
                <Verdicts rules={rules} metric={i.metric} where={where} />
              </Td>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Every rule recorded with the run: its threshold, status and what failed. */
export function PolicyRulesTable({ rules }: { rules: Rule[] }) {
  if (rules.length === 0)
    return <p className="text-sm text-slate-600">No policies were set when this run was recorded.</p>;
  return (
    <Table caption="Policy rules checked when the run was recorded">
      <TableHead columns={["Rule", "Threshold", "Status", "Values checked", "Failures"]} />
      <TableBody>
        {rules.map((r, i) => (
          <tr key={`${r.policyId ?? i}`}>
            <Td>{r.label}</Td>
            <Td>
              {r.rule.abs ? "|value| " : ""}
              {r.rule.op} {r.rule.value}
            </Td>
            <Td>
              <VerdictBadge verdict={r.status} />
            </Td>
            <Td>{r.checks.length}</Td>
            <Td className="text-xs">{r.failures.join("; ") || "—"}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/** Aequitas-style disparities (group rate ÷ reference rate) per attribute; fair iff τ ≤ d ≤ 1/τ. */
export function AequitasDisparities({ result, attribute }: { result: FairnessResult; attribute: string }) {
  const rows = result.disparities.filter((d) => d.attribute === attribute);
  if (rows.length === 0) return null;
  const groups = [...new Set(rows.map((d) => d.value))];
  const metrics = disparityMetricNames.filter((m) => rows.some((d) => d.metric === m));
  const reference = rows[0]!.referenceGroup;
  return (
    <Table caption={`${attribute}: disparities vs ${reference} (fair band ${result.conventions.fairBand})`}>
      <TableHead columns={["Group", ...metrics]} />
      <TableBody>
        {groups.map((g) => (
          <tr key={g}>
            <Td>
              {g}
              {g === reference && " (reference)"}
            </Td>
            {metrics.map((m) => {
              const d = rows.find((x) => x.value === g && x.metric === m);
              const tone =
                d?.fair === true ? "text-green-800" : d?.fair === false ? "text-red-800 font-medium" : "";
              return (
                <Td key={m} className={tone}>
                  {d ? num(d.disparity) : "—"}
                  {d?.fair === false && <span className="sr-only"> (outside the fair band)</span>}
                  {d?.smallGroup && <span className="text-xs text-slate-600"> small</span>}
                </Td>
              );
            })}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
