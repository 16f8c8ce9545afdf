import type { MeasurementRunSummary } from "../../api";
import { Badge } from "../../components/badge";

export const measurementKeys = {
  runs: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "measurement-runs", systemId] as const,
  run: (orgId: string, runId: string) => ["orgs", orgId, "measurement-runs", runId] as const,
  runObjectives: (orgId: string, runId: string) =>
    ["orgs", orgId, "measurement-runs", runId, "objectives"] as const,
  policies: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "measurement-policies", systemId] as const,
  trend: (orgId: string, systemId: string, params: object) =>
    ["orgs", orgId, "ai-systems", "measurement-trend", systemId, params] as const,
};

const statusTone = { pass: "green", fail: "red", no_policies: "neutral" } as const;
const statusLabel = { pass: "Pass", fail: "Failed", no_policies: "No policy" } as const;
export const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)} %`;
export const num = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : String(Number(v.toPrecision(4)));

export function PolicyStatusBadge({
  status,
  failed,
}: {
  status: MeasurementRunSummary["policyStatus"];
  failed: number;
}) {
  return (
    <Badge tone={statusTone[status]}>
      {statusLabel[status]}
      {status === "fail" ? ` (${failed})` : ""}
    </Badge>
  );
}

const verdictTone = { pass: "green", fail: "red", no_value: "amber", not_applicable: "neutral" } as const;
const verdictLabel = {
  pass: "Pass",
  fail: "Fail",
  no_value: "No value",
  not_applicable: "Not evaluated",
} as const;

/** A rule's (or one value's) verdict; null = no rule looked at it. */
export function VerdictBadge({ verdict }: { verdict: keyof typeof verdictTone | null }) {
  return (
    <Badge tone={verdictTone[verdict ?? "not_applicable"]}>{verdictLabel[verdict ?? "not_applicable"]}</Badge>
  );
}
