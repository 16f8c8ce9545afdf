import type { MeasurementRunView, PolicyRuleStatus } from "@openaims/core";
import { VerdictBadge } from "./measurement-format";

type Rule = MeasurementRunView["policyOutcome"]["rules"][number];

/** How each rule on `metric` judged the value at `where`: a rule whose scope did not include it is not evaluated. */
function verdicts(rules: Rule[], metric: string, where: string) {
  return rules
    .filter((r) => r.rule.metric === metric)
    .map((r) => ({
      label: r.label,
      status: (r.checks.find((c) => c.where === where)?.status ?? "not_applicable") as PolicyRuleStatus,
    }));
}

export function Verdicts({ rules, metric, where }: { rules: Rule[]; metric: string; where: string }) {
  const list = verdicts(rules, metric, where);
  if (list.length === 0) return <span className="text-slate-600">No policy</span>;
  return (
    <ul className="space-y-1">
      {list.map((v) => (
        <li key={v.label} className="flex flex-wrap items-center gap-1">
          <VerdictBadge verdict={v.status} />
          <span className="text-xs text-slate-700">{v.label}</span>
        </li>
      ))}
    </ul>
  );
}
