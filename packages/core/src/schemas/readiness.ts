import { z } from "zod";
import { readinessAreas } from "../readiness/rules";

/** Response shapes of `GET /api/v1/orgs/{orgId}/readiness`. */

export const readinessStatuses = ["ready", "partial", "missing", "not_applicable"] as const;
export type ReadinessStatus = (typeof readinessStatuses)[number];
export const readinessCheckStates = ["satisfied", "partial", "missing", "not_applicable"] as const;
export type ReadinessCheckState = (typeof readinessCheckStates)[number];
export const readinessCheckKinds = [
  "published_document",
  "documents_reviewed",
  "approved_scope",
  "approved_soa_complete",
  "soa_implemented",
  "soa_control_ready",
  "records",
  "no_records",
  "coverage",
  "evidence_linked",
] as const;

export const ReadinessGapView = z.object({
  /** what is missing, specifically ("no current evidence (2 items expired, the last on 2026-03-01)") */
  text: z.string(),
  /** where it is fixed */
  area: z.enum(readinessAreas),
});
export type ReadinessGapView = z.infer<typeof ReadinessGapView>;

export const ReadinessCheckView = z.object({
  check: z.enum(readinessCheckKinds),
  explanation: z.string(),
  state: z.enum(readinessCheckStates),
});
export type ReadinessCheckView = z.infer<typeof ReadinessCheckView>;

export const ReadinessNodeView = z.object({
  nodeId: z.string(),
  title: z.string(),
  kind: z.enum(["requirement", "control"]),
  /** the clause ("6") or Annex A group ("A.6") the node belongs to */
  groupId: z.string(),
  status: z.enum(readinessStatuses),
  /** 0–1: satisfied checks count 1, partly satisfied ones ½ */
  score: z.number(),
  satisfied: z.array(z.string()),
  missing: z.array(ReadinessGapView),
  checks: z.array(ReadinessCheckView),
  /** what a later release will also check, once the records exist */
  later: z.string().nullable(),
});
export type ReadinessNodeView = z.infer<typeof ReadinessNodeView>;

export const ReadinessCountsView = z.object({
  ready: z.number().int(),
  partial: z.number().int(),
  missing: z.number().int(),
  notApplicable: z.number().int(),
});
export type ReadinessCountsView = z.infer<typeof ReadinessCountsView>;

export const ReadinessGroupView = ReadinessCountsView.extend({
  id: z.string(),
  title: z.string(),
  /** mean score of the applicable nodes, 0–100; null when every node is not applicable */
  percent: z.number().int().nullable(),
});
export type ReadinessGroupView = z.infer<typeof ReadinessGroupView>;

export const ReadinessView = z.object({
  frameworkId: z.string(),
  /** the day the statuses were computed for (review dates and evidence validity compare with it) */
  asOf: z.string(),
  percent: z.number().int().nullable(),
  clausesPercent: z.number().int().nullable(),
  annexPercent: z.number().int().nullable(),
  counts: ReadinessCountsView,
  clauses: z.array(ReadinessGroupView),
  annexGroups: z.array(ReadinessGroupView),
  nodes: z.array(ReadinessNodeView),
  signals: z.object({
    /** published documents whose next review date has passed */
    documentsReviewOverdue: z.number().int(),
    /** evidence items (not archived) whose valid-until date has passed */
    evidenceStale: z.number().int(),
    evidenceTotal: z.number().int(),
  }),
});
export type ReadinessView = z.infer<typeof ReadinessView>;

export const ReadinessQuery = z.strictObject({
  /** only nodes of this clause ("6") or Annex A group ("A.6"); percentages stay those of the whole framework */
  group: z.string().max(20).optional(),
});
export type ReadinessQuery = z.infer<typeof ReadinessQuery>;
