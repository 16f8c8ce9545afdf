import { invalidInput } from "../shared/domain-error";
import { findFramework } from "../frameworks/registry";
import type { FrameworkNode } from "../frameworks/framework";
import type {
  ReadinessCountsView,
  ReadinessGroupView,
  ReadinessNodeView,
  ReadinessStatus,
  ReadinessView,
} from "../schemas/readiness";
import { evaluateCheck, evidenceStanding, reviewOverdue, type CheckOutcome } from "./evaluate-check";
import type { ReadinessFacts } from "./facts";
import type { ReadinessRuleSet } from "./rules";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A node's status from its checks: any "not applicable" wins, then all satisfied, all missing, or between. */
export function nodeStatus(outcomes: readonly CheckOutcome[]): ReadinessStatus {
  if (outcomes.some((o) => o.state === "not_applicable")) return "not_applicable";
  if (outcomes.every((o) => o.state === "satisfied")) return "ready";
  if (outcomes.every((o) => o.state === "missing")) return "missing";
  return "partial";
}

/** Satisfied checks count 1, partly satisfied ones ½; the node's score is their mean (ready = 1). */
export function nodeScore(outcomes: readonly CheckOutcome[]): number {
  if (outcomes.length === 0) return 0;
  const points = outcomes.reduce(
    (sum, o) => sum + (o.state === "satisfied" ? 1 : o.state === "partial" ? 0.5 : 0),
    0,
  );
  return points / outcomes.length;
}

function tally(nodes: readonly ReadinessNodeView[]): ReadinessCountsView & { percent: number | null } {
  const counts = { ready: 0, partial: 0, missing: 0, notApplicable: 0 };
  let score = 0;
  for (const n of nodes) {
    if (n.status === "not_applicable") counts.notApplicable += 1;
    else {
      counts[n.status] += 1;
      score += n.score;
    }
  }
  const applicable = nodes.length - counts.notApplicable;
  return { ...counts, percent: applicable === 0 ? null : Math.round((100 * score) / applicable) };
}

/** "6.1.2" → "6", "A.6.2.4" → "A.6" */
const groupOf = (id: string) =>
  id.startsWith("A.") ? id.split(".").slice(0, 2).join(".") : id.split(".")[0]!;

/**
 * Evaluates every rule against the facts on `today` (YYYY-MM-DD). Pure: the same rules, facts and day always
 * give the same statuses, explanations and percentages.
 */
export function evaluateReadiness(
  rules: ReadinessRuleSet,
  facts: ReadinessFacts,
  today: string,
): ReadinessView {
  if (!DAY.test(today)) throw invalidInput("today must be a date (YYYY-MM-DD).");
  const framework = findFramework(rules.frameworkId);
  if (!framework) throw invalidInput(`Unknown framework ${rules.frameworkId}.`);
  const byId = new Map<string, FrameworkNode>(framework.nodes.map((n) => [n.id, n]));
  const controlIds = framework.nodes.filter((n) => n.kind === "control").map((n) => n.id);

  const nodes: ReadinessNodeView[] = rules.rules.map((rule) => {
    const node = byId.get(rule.nodeId);
    if (!node || (node.kind !== "requirement" && node.kind !== "control"))
      throw invalidInput(`Readiness rule for ${rule.nodeId}, which is not a requirement or control.`);
    const outcomes = rule.checks.map((check) =>
      evaluateCheck(check, { facts, today, nodeId: rule.nodeId, controlIds, siblings: rule.checks }),
    );
    const status = nodeStatus(outcomes);
    return {
      nodeId: node.id,
      title: node.title,
      kind: node.kind,
      groupId: groupOf(node.id),
      status,
      score: status === "not_applicable" ? 0 : nodeScore(outcomes),
      satisfied: outcomes.flatMap((o) => o.satisfied),
      // A not-applicable control has nothing missing, whatever its other checks say.
      missing: status === "not_applicable" ? [] : outcomes.flatMap((o) => o.missing),
      checks: rule.checks.map((check, i) => ({
        check: check.check,
        explanation: check.explanation,
        state: outcomes[i]!.state,
      })),
      later: rule.later ?? null,
    };
  });

  const groups = (ids: string[]): ReadinessGroupView[] =>
    ids.map((id) => {
      const { percent, ...counts } = tally(nodes.filter((n) => n.groupId === id));
      return { id, title: byId.get(id)?.title ?? id, percent, ...counts };
    });
  const topLevel = framework.nodes.filter((n) => n.parentId === null).map((n) => n.id);
  const { percent, ...counts } = tally(nodes);
  const all = evidenceStanding(facts.evidenceAll, today);
  return {
    frameworkId: framework.id,
    asOf: today,
    percent,
    clausesPercent: tally(nodes.filter((n) => n.kind === "requirement")).percent,
    annexPercent: tally(nodes.filter((n) => n.kind === "control")).percent,
    counts,
    clauses: groups(topLevel.filter((id) => !id.startsWith("A."))),
    annexGroups: groups(topLevel.filter((id) => id.startsWith("A."))),
    nodes,
    signals: {
      documentsReviewOverdue: facts.documents.filter((d) => d.published && reviewOverdue(d, today)).length,
      evidenceStale: all.expired,
      evidenceTotal: all.current + all.expired,
    },
  };
}
