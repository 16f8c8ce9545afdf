import type { ReadinessCheckState, ReadinessGapView } from "../schemas/readiness";
import type { DocumentFact, EvidenceFact, ReadinessFacts, SoaEntryFact } from "./facts";
import {
  recordCounts,
  type DocumentMatch,
  type ReadinessArea,
  type ReadinessCheck,
  type RecordCountKey,
} from "./rules";

/** The outcome of one check: its state, what is already in place and what is missing, specifically. */
export interface CheckOutcome {
  state: ReadinessCheckState;
  satisfied: string[];
  missing: ReadinessGapView[];
}

export interface CheckContext {
  facts: ReadinessFacts;
  today: string;
  nodeId: string;
  /** every control id of the framework, for "every Annex A control has a decision" */
  controlIds: readonly string[];
  /** the other checks of the same rule */
  siblings: readonly ReadinessCheck[];
}

const gap = (text: string, area: ReadinessArea): ReadinessGapView => ({ text, area });
const outcome = (
  state: ReadinessCheckState,
  satisfied: string[] = [],
  missing: ReadinessGapView[] = [],
): CheckOutcome => ({ state, satisfied, missing });

/** "A.2.2, A.2.3, A.4.2, A.5.2, A.6.2.4 and 7 more" */
export function listIds(ids: readonly string[], max = 5): string {
  if (ids.length <= max) {
    return ids.length <= 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}`;
  }
  return `${ids.slice(0, max).join(", ")} and ${ids.length - max} more`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Evidence counts as current on and before its valid-until day. */
export function evidenceStanding(fact: EvidenceFact | undefined, today: string) {
  let current = fact?.undated ?? 0;
  let expired = 0;
  let lastExpiredOn: string | null = null;
  for (const [day, n] of Object.entries(fact?.validUntil ?? {})) {
    if (day >= today) current += n;
    else {
      expired += n;
      if (lastExpiredOn === null || day > lastExpiredOn) lastExpiredOn = day;
    }
  }
  return { current, expired, lastExpiredOn };
}

function expiredNote(expired: number, lastExpiredOn: string | null): string {
  if (expired === 0) return "";
  return expired === 1
    ? ` (1 item expired on ${lastExpiredOn})`
    : ` (${expired} items expired, the last on ${lastExpiredOn})`;
}

export function documentMatches(doc: DocumentFact, match: DocumentMatch): boolean {
  if (match.kind && doc.kind !== match.kind) return false;
  if (!match.templateKey && !match.nodes) return true;
  return (
    (match.templateKey !== undefined && doc.templateKey === match.templateKey) ||
    (match.nodes ?? []).some((n) => doc.nodes.includes(n))
  );
}

export const reviewOverdue = (doc: DocumentFact, today: string) =>
  doc.nextReviewOn !== null && doc.nextReviewOn < today;

function publishedDocument(c: Extract<ReadinessCheck, { check: "published_document" }>, x: CheckContext) {
  const candidates = x.facts.documents.filter((d) => documentMatches(d, c.document));
  const published = candidates.filter((d) => d.published !== null);
  if (published.length === 0) {
    const draft = candidates[0];
    return draft
      ? outcome("partial", [], [gap(`${c.label} "${draft.title}" has no published version yet`, "documents")])
      : outcome("missing", [], [gap(`no published ${c.label}`, "documents")]);
  }
  const current = published.filter((d) => !c.withinReview || !reviewOverdue(d, x.today));
  const describe = (d: DocumentFact) =>
    `${c.label} "${d.title}" version ${d.published!.version} is published` +
    (d.published!.publishedOn ? ` (since ${d.published!.publishedOn})` : "") +
    (d.nextReviewOn ? `, next review on ${d.nextReviewOn}` : "");
  if (current.length > 0) return outcome("satisfied", [describe(current[0]!)]);
  const doc = published[0]!;
  return outcome(
    "partial",
    [],
    [gap(`${c.label} "${doc.title}": review overdue since ${doc.nextReviewOn}`, "documents")],
  );
}

function documentsReviewed(x: CheckContext): CheckOutcome {
  const published = x.facts.documents.filter((d) => d.published !== null);
  if (published.length === 0) return outcome("missing", [], [gap("no published documents", "documents")]);
  const undated = published.filter((d) => d.nextReviewOn === null).map((d) => `"${d.title}"`);
  const overdue = published.filter((d) => reviewOverdue(d, x.today)).map((d) => `"${d.title}"`);
  const gaps: ReadinessGapView[] = [];
  if (overdue.length > 0)
    gaps.push(
      gap(`${plural(overdue.length, "published document")} past review: ${listIds(overdue, 3)}`, "documents"),
    );
  if (undated.length > 0) gaps.push(gap(`no next review date for ${listIds(undated, 3)}`, "documents"));
  if (gaps.length === 0)
    return outcome("satisfied", [
      `all ${plural(published.length, "published document")} within their review dates`,
    ]);
  return outcome("partial", [], gaps);
}

function approvedScope(x: CheckContext): CheckOutcome {
  const scope = x.facts.scope;
  if (!scope) return outcome("missing", [], [gap("the AIMS scope is not recorded in OpenAIMS yet", "scope")]);
  if (!scope.approved) return outcome("missing", [], [gap("no approved version of the AIMS scope", "scope")]);
  return outcome("satisfied", [
    `AIMS scope version ${scope.approved.version} approved on ${scope.approved.approvedOn}`,
  ]);
}

const soaMissing = () =>
  outcome("missing", [], [gap("the Statement of Applicability is not recorded in OpenAIMS yet", "soa")]);

function approvedSoaComplete(x: CheckContext): CheckOutcome {
  const soa = x.facts.soa;
  if (!soa) return soaMissing();
  if (soa.entries.length === 0 && !soa.approved)
    return outcome(
      "missing",
      [],
      [gap("no Statement of Applicability entries and no approved version", "soa")],
    );
  const gaps: ReadinessGapView[] = [];
  const satisfied: string[] = [];
  if (!soa.approved) gaps.push(gap("no approved SoA version", "soa"));
  else {
    satisfied.push(`SoA version ${soa.approved.number} approved on ${soa.approved.approvedOn}`);
    const changed = soa.entries.filter((e) => e.changedSinceApproval).map((e) => e.label);
    if (changed.length > 0)
      gaps.push(
        gap(
          `${plural(changed.length, "SoA entry", "SoA entries")} changed since version ${soa.approved.number} was approved (${listIds(changed)}): approve a new version`,
          "soa",
        ),
      );
  }
  const byControl = new Map(soa.entries.filter((e) => e.controlId).map((e) => [e.controlId!, e]));
  const undecided = x.controlIds.filter((id) => (byControl.get(id)?.applicable ?? null) === null);
  if (undecided.length > 0) gaps.push(gap(`no applicability decision for ${listIds(undecided)}`, "soa"));
  const decided = soa.entries.filter((e) => e.applicable !== null);
  const unjustified = decided.filter((e) => e.justification.trim() === "").map((e) => e.label);
  if (unjustified.length > 0) gaps.push(gap(`no justification for ${listIds(unjustified)}`, "soa"));
  const applicable = decided.filter((e) => e.applicable);
  const unowned = applicable.filter((e) => !e.hasOwner).map((e) => e.label);
  if (unowned.length > 0) gaps.push(gap(`no owner for ${listIds(unowned)}`, "soa"));
  const unevidenced = applicable
    .filter((e) => evidenceStanding(x.facts.evidence?.[e.evidenceKey], x.today).current === 0)
    .map((e) => e.label);
  if (unevidenced.length > 0) gaps.push(gap(`no current evidence for ${listIds(unevidenced)}`, "evidence"));
  if (gaps.length === 0) {
    satisfied.push(
      `all ${x.controlIds.length} Annex A controls decided and justified; ${plural(applicable.length, "applicable entry", "applicable entries")} owned and evidenced`,
    );
    return outcome("satisfied", satisfied);
  }
  return outcome("partial", satisfied, gaps);
}

function soaImplemented(x: CheckContext): CheckOutcome {
  const soa = x.facts.soa;
  if (!soa) return soaMissing();
  const applicable = soa.entries.filter((e) => e.applicable === true);
  if (applicable.length === 0)
    return outcome("missing", [], [gap("no control is marked applicable in the SoA", "soa")]);
  const open = applicable.filter((e) => e.implementationStatus !== "implemented").map((e) => e.label);
  if (open.length === 0)
    return outcome("satisfied", [`all ${applicable.length} applicable SoA entries are implemented`]);
  return outcome(
    "partial",
    [`${applicable.length - open.length} of ${applicable.length} applicable SoA entries implemented`],
    [gap(`not yet implemented: ${listIds(open)}`, "soa")],
  );
}

function soaControlReady(x: CheckContext): CheckOutcome {
  const soa = x.facts.soa;
  if (!soa) return soaMissing();
  const entry: SoaEntryFact | undefined = soa.entries.find((e) => e.controlId === x.nodeId);
  if (!entry || entry.applicable === null)
    return outcome("missing", [], [gap("no applicability decision in the SoA", "soa")]);
  const justified = entry.justification.trim() !== "";
  if (!entry.applicable) {
    return justified
      ? outcome("not_applicable", [`not applicable: ${entry.justification.trim()}`])
      : outcome("missing", [], [gap("marked not applicable in the SoA without a justification", "soa")]);
  }
  const satisfied = ["marked applicable in the SoA"];
  const gaps: ReadinessGapView[] = [];
  if (justified) satisfied.push("applicability justified");
  else gaps.push(gap("no justification in the SoA", "soa"));
  if (entry.hasOwner) satisfied.push("has an owner");
  else gaps.push(gap("no owner in the SoA", "soa"));
  if (entry.implementationStatus === "implemented") satisfied.push("implemented");
  else gaps.push(gap(`implementation status is ${entry.implementationStatus.replaceAll("_", " ")}`, "soa"));
  const ev = evidenceStanding(x.facts.evidence?.[entry.evidenceKey], x.today);
  if (ev.current > 0) satisfied.push(`${plural(ev.current, "current evidence item")}`);
  else gaps.push(gap(`no current evidence${expiredNote(ev.expired, ev.lastExpiredOn)}`, "evidence"));
  if (!soa.approved) gaps.push(gap("no approved SoA version yet", "soa"));
  else if (entry.changedSinceApproval)
    gaps.push(gap(`entry changed since SoA version ${soa.approved.number} was approved`, "soa"));
  else satisfied.push(`in approved SoA version ${soa.approved.number}`);
  return outcome(gaps.length === 0 ? "satisfied" : "partial", satisfied, gaps);
}

function records(c: Extract<ReadinessCheck, { check: "records" }>, x: CheckContext): CheckOutcome {
  const { area } = recordCounts[c.count];
  const n = x.facts.counts[c.count];
  if (n === undefined) return notRecorded(c.count);
  if (n >= c.min) return outcome("satisfied", [`${n} ${c.label} recorded`]);
  if (n > 0) return outcome("partial", [], [gap(`only ${n} of at least ${c.min} ${c.label} recorded`, area)]);
  return outcome("missing", [], [gap(`no ${c.label} recorded`, area)]);
}

/** A named count absent from the facts: its area's records do not exist in this installation yet. */
function notRecorded(key: RecordCountKey): CheckOutcome {
  const { area, meaning } = recordCounts[key];
  return outcome("missing", [], [gap(`${meaning} are not recorded in OpenAIMS yet`, area)]);
}

function noRecords(c: Extract<ReadinessCheck, { check: "no_records" }>, x: CheckContext): CheckOutcome {
  const { area } = recordCounts[c.count];
  const n = x.facts.counts[c.count];
  const base = x.facts.counts[c.of];
  if (n === undefined || base === undefined) return notRecorded(c.count);
  if (base === 0) {
    // Vacuous: say so, unless a sibling check already asks for these records.
    const asked = x.siblings.some((s) => s.check === "records" && s.count === c.of);
    return outcome("missing", [], asked ? [] : [gap(`no ${recordCounts[c.of].meaning} recorded`, area)]);
  }
  if (n === 0) return outcome("satisfied", [`no ${c.label}`]);
  return outcome("missing", [], [gap(`${n} ${c.label}`, area)]);
}

const fill = (text: string, n: number, of: number) =>
  text.replaceAll("{n}", String(n)).replaceAll("{of}", String(of));

function coverage(c: Extract<ReadinessCheck, { check: "coverage" }>, x: CheckContext): CheckOutcome {
  const { area } = recordCounts[c.lacking];
  const n = x.facts.counts[c.lacking];
  const base = x.facts.counts[c.of];
  if (n === undefined || base === undefined) return notRecorded(c.lacking);
  if (base === 0) {
    if (c.whenNone && (x.facts.counts[c.whenNone.given] ?? 0) > 0)
      return outcome("satisfied", [c.whenNone.satisfied]);
    // Vacuous: one message per rule — the rule's first coverage check (or a records check on the same base)
    // names what is missing, e.g. "no AI systems in scope", and later coverage checks stay quiet.
    const first = x.siblings.find(
      (s) =>
        (s.check === "coverage" && s.whenNone === undefined) || (s.check === "records" && s.count === c.of),
    );
    const named = first !== undefined && first !== c;
    const baseOf = recordCounts[c.of];
    return outcome("missing", [], named ? [] : [gap(`no ${baseOf.meaning} recorded`, baseOf.area)]);
  }
  if (n === 0) return outcome("satisfied", [fill(c.satisfied, n, base)]);
  return outcome(n < base ? "partial" : "missing", [], [gap(fill(c.gap, n, base), area)]);
}

function evidenceLinked(c: Extract<ReadinessCheck, { check: "evidence_linked" }>, x: CheckContext) {
  const node = c.node ?? x.nodeId;
  const min = c.min ?? 1;
  if (!x.facts.evidence)
    return outcome("missing", [], [gap("evidence is not recorded in OpenAIMS yet", "evidence")]);
  const ev = evidenceStanding(x.facts.evidence[node], x.today);
  if (ev.current >= min)
    return outcome("satisfied", [`${plural(ev.current, "current evidence item")} for ${node}`]);
  const text =
    ev.current > 0
      ? `only ${ev.current} of at least ${min} current evidence items for ${node}`
      : `no current evidence for ${node}${expiredNote(ev.expired, ev.lastExpiredOn)}`;
  return outcome(ev.current > 0 || ev.expired > 0 ? "partial" : "missing", [], [gap(text, "evidence")]);
}

export function evaluateCheck(check: ReadinessCheck, x: CheckContext): CheckOutcome {
  switch (check.check) {
    case "published_document":
      return publishedDocument(check, x);
    case "documents_reviewed":
      return documentsReviewed(x);
    case "approved_scope":
      return approvedScope(x);
    case "approved_soa_complete":
      return approvedSoaComplete(x);
    case "soa_implemented":
      return soaImplemented(x);
    case "soa_control_ready":
      return soaControlReady(x);
    case "records":
      return records(check, x);
    case "no_records":
      return noRecords(check, x);
    case "coverage":
      return coverage(check, x);
    case "evidence_linked":
      return evidenceLinked(check, x);
  }
}
