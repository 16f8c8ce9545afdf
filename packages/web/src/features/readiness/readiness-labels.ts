import type { ReadinessArea, ReadinessCheckState, ReadinessStatus } from "@openaims/core";

export const statusLabels: Record<ReadinessStatus, string> = {
  ready: "Ready",
  partial: "Partial",
  missing: "Missing",
  not_applicable: "Not applicable",
};

export const statusTones: Record<ReadinessStatus, "green" | "amber" | "red" | "neutral"> = {
  ready: "green",
  partial: "amber",
  missing: "red",
  not_applicable: "neutral",
};

export const checkStateLabels: Record<ReadinessCheckState, string> = {
  satisfied: "met",
  partial: "partly met",
  missing: "not met",
  not_applicable: "not applicable",
};

/**
 * Where each kind of gap is fixed. Pages of areas this installation does not have yet are skipped at run time
 * (see `AreaLink`), so the dashboard never links to a page that is not there.
 */
export const areaPages: Record<ReadinessArea, { paths: string[]; label: string }> = {
  scope: { paths: ["/orgs/$orgId/scope", "/orgs/$orgId/context"], label: "Scope" },
  context: { paths: ["/orgs/$orgId/context", "/orgs/$orgId/scope"], label: "Context" },
  documents: { paths: ["/orgs/$orgId/documents"], label: "Documents" },
  responsibilities: {
    paths: ["/orgs/$orgId/raci", "/orgs/$orgId/responsibilities", "/orgs/$orgId/context"],
    label: "Responsibilities",
  },
  soa: { paths: ["/orgs/$orgId/soa"], label: "Statement of Applicability" },
  applied_controls: {
    paths: ["/orgs/$orgId/applied-controls", "/orgs/$orgId/controls", "/orgs/$orgId/soa"],
    label: "Applied controls",
  },
  evidence: { paths: ["/orgs/$orgId/evidence"], label: "Evidence" },
  objectives: { paths: ["/orgs/$orgId/objectives"], label: "Objectives" },
  ai_systems: { paths: ["/orgs/$orgId/ai-systems"], label: "AI systems" },
  training: { paths: ["/orgs/$orgId/training"], label: "Training" },
  impact_assessments: { paths: ["/orgs/$orgId/impact-assessments"], label: "Impact assessments" },
};

export const percentLabel = (p: number | null) => (p === null ? "n/a" : `${p} %`);
