import type { ClassificationObligation, ClassificationResult } from "../schemas/eu-ai-act";

export const obligationStatuses = ["open", "in_progress", "met", "not_applicable"] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

/** A tracked obligation row of one AI system, as the sync planner needs it. */
export interface TrackedObligation {
  rowId: string;
  obligationId: string;
  role: string;
  article: string;
  title: string;
  appliesFrom: string;
  basis: string;
  status: ObligationStatus;
  /** true while the system's current classification generates it */
  applicable: boolean;
}

export interface ObligationSyncPlan {
  /** generated now and never tracked before */
  create: ClassificationObligation[];
  /** tracked, applicable before, no longer generated: marked not_applicable and kept for history */
  retire: { rowId: string; key: string; previousStatus: ObligationStatus }[];
  /** tracked but retired earlier, generated again: reopened as open */
  reopen: { rowId: string; key: string; obligation: ClassificationObligation }[];
  /** still generated, but the rule data changed its article, title, date or basis */
  refresh: { rowId: string; key: string; obligation: ClassificationObligation }[];
}

/** One obligation per system is keyed by its rule-data id and the role that owes it. */
export const obligationKey = (o: { obligationId?: string; id?: string; role: string }): string =>
  `${o.obligationId ?? o.id}/${o.role}`;

/**
 * Plans how a system's tracked obligations follow a new classification. Pure: the caller writes the plan in
 * the same transaction as the classification record. Status, owner, due date and notes of rows that stay
 * applicable are never touched; retired rows are kept (status not_applicable) so history stays readable.
 */
export function planObligationSync(
  tracked: readonly TrackedObligation[],
  generated: readonly ClassificationObligation[],
): ObligationSyncPlan {
  const plan: ObligationSyncPlan = { create: [], retire: [], reopen: [], refresh: [] };
  const byKey = new Map(tracked.map((t) => [obligationKey(t), t]));
  const seen = new Set<string>();
  for (const o of generated) {
    const key = obligationKey(o);
    if (seen.has(key)) continue;
    seen.add(key);
    const t = byKey.get(key);
    if (!t) plan.create.push(o);
    else if (!t.applicable) plan.reopen.push({ rowId: t.rowId, key, obligation: o });
    else if (
      t.article !== o.article ||
      t.title !== o.title ||
      t.appliesFrom !== o.appliesFrom ||
      t.basis !== o.basis
    )
      plan.refresh.push({ rowId: t.rowId, key, obligation: o });
  }
  for (const t of tracked) {
    const key = obligationKey(t);
    if (t.applicable && !seen.has(key)) plan.retire.push({ rowId: t.rowId, key, previousStatus: t.status });
  }
  return plan;
}

export const isEmptySyncPlan = (p: ObligationSyncPlan): boolean =>
  p.create.length + p.retire.length + p.reopen.length + p.refresh.length === 0;

/** The classification axes compared between two stored versions (obligations and rationale are not axes). */
export const classificationAxes = [
  "prohibited",
  "prohibitedPoints",
  "highRisk",
  "highRiskRoute",
  "annexIIIPoint",
  "exemptUnderArt6_3",
  "transparency",
  "gpai",
  "friaRequired",
  "registrationRequired",
] as const satisfies readonly (keyof ClassificationResult)[];

/** `{ axis: [before, after] }` for every axis that differs; a first classification (`before` null) lists every axis as [null, value]. */
export function diffClassificationAxes(
  before: ClassificationResult | null,
  after: ClassificationResult,
): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const axis of classificationAxes) {
    const a = before ? before[axis] : null;
    const b = after[axis];
    if (!before || JSON.stringify(a) !== JSON.stringify(b)) diff[axis] = [a, b];
  }
  return diff;
}

/**
 * A due date may be set earlier than the date the obligation applies from, never later (the law's date is the
 * latest it can be met). Returns the effective due date.
 */
export const effectiveDueDate = (appliesFrom: string, dueDate: string | null): string =>
  dueDate !== null && dueDate < appliesFrom ? dueDate : appliesFrom;
