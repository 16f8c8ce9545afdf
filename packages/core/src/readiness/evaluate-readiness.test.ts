import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { evaluateReadiness } from "./evaluate-readiness";
import { evaluateCheck, type CheckContext } from "./evaluate-check";
import { emptyReadinessFacts, type ReadinessFacts } from "./facts";
import { iso42001ReadinessRules as rules } from "./iso-iec-42001-2023-rules";
import type { ReadinessCheck } from "./rules";
import { completeFacts, doc, entry, TODAY } from "./readiness-fixtures";
import { friaDone, impactAssessed, impactAssessmentsReviewed } from "./iso-iec-42001-2023-checks";

const run = (facts: ReadinessFacts, today = TODAY) => evaluateReadiness(rules, facts, today);
const node = (facts: ReadinessFacts, id: string, today = TODAY) => {
  const n = run(facts, today).nodes.find((x) => x.nodeId === id);
  assert.ok(n, id);
  return n;
};
const texts = (n: { missing: { text: string }[] }) => n.missing.map((m) => m.text);
const check = (c: ReadinessCheck, facts: ReadinessFacts, nodeId = "X", today = TODAY) =>
  evaluateCheck(c, {
    facts,
    today,
    nodeId,
    controlIds: ["A.2.2", "A.2.3"],
    siblings: [],
  } satisfies CheckContext);

describe("evaluateReadiness over the ISO/IEC 42001 rules", () => {
  it("reports every node ready and 100 % when every fact is in place", () => {
    const view = run(completeFacts());
    const notReady = view.nodes.filter((n) => n.status !== "ready");
    assert.deepEqual(
      notReady.map((n) => [n.nodeId, texts(n)]),
      [],
    );
    assert.equal(view.percent, 100);
    assert.equal(view.clausesPercent, 100);
    assert.equal(view.annexPercent, 100);
    assert.deepEqual(view.counts, { ready: 70, partial: 0, missing: 0, notApplicable: 0 });
    assert.equal(view.clauses.length, 7);
    assert.equal(view.annexGroups.length, 9);
    assert.ok(view.clauses.every((g) => g.percent === 100));
  });

  it("reports every node missing and 0 % for an organization with no records at all", () => {
    const view = run(emptyReadinessFacts());
    assert.equal(view.nodes.length, 70);
    assert.ok(view.nodes.every((n) => n.status === "missing" && n.missing.length > 0 && n.score === 0));
    assert.equal(view.percent, 0);
    assert.deepEqual(view.counts, { ready: 0, partial: 0, missing: 70, notApplicable: 0 });
    assert.match(
      texts(node(emptyReadinessFacts(), "4.3")).join("|"),
      /scope is not recorded in OpenAIMS yet/,
    );
    assert.match(texts(node(emptyReadinessFacts(), "5.2"))[0]!, /no published AI policy/);
  });

  it("5.2 is ready with a published AI policy within its review date, partial once the review is overdue", () => {
    const facts = emptyReadinessFacts();
    facts.documents = [
      doc({ title: "AI policy", kind: "policy", templateKey: "ai_policy", nextReviewOn: TODAY }),
    ];
    const ready = node(facts, "5.2");
    assert.equal(ready.status, "ready");
    assert.match(
      ready.satisfied[0]!,
      /AI policy "AI policy" version 1 is published .*next review on 2026-06-15/,
    );

    const late = node(facts, "5.2", "2026-06-16");
    assert.equal(late.status, "partial");
    assert.deepEqual(texts(late), ['AI policy "AI policy": review overdue since 2026-06-15']);
    assert.equal(late.missing[0]!.area, "documents");
    assert.equal(run(facts, "2026-06-16").signals.documentsReviewOverdue, 1);
  });

  it("5.2 counts a policy linked to 5.2 but not a procedure, a draft or a retired policy", () => {
    const facts = emptyReadinessFacts();
    facts.documents = [doc({ kind: "procedure", templateKey: "ai_policy" })];
    assert.equal(node(facts, "5.2").status, "missing");
    facts.documents = [doc({ kind: "policy", title: "Draft policy", nodes: ["5.2"], published: null })];
    assert.equal(node(facts, "5.2").status, "partial");
    assert.match(texts(node(facts, "5.2"))[0]!, /"Draft policy" has no published version yet/);
    facts.documents = [doc({ kind: "policy", nodes: ["5.2"] })];
    assert.equal(node(facts, "5.2").status, "ready");
  });

  it("6.1.3 is ready only with an approved SoA in which every applicable control is justified, owned and evidenced", () => {
    const facts = completeFacts();
    assert.equal(node(facts, "6.1.3").status, "ready");

    const noOwner = completeFacts();
    noOwner.soa!.entries[3] = entry("A.3.2", { hasOwner: false });
    const n1 = node(noOwner, "6.1.3");
    assert.equal(n1.status, "partial");
    assert.deepEqual(texts(n1), ["no owner for A.3.2"]);

    const stale = completeFacts();
    stale.evidence!["A.6.2.4"] = { undated: 0, validUntil: { "2026-01-01": 1, "2026-03-01": 1 } };
    assert.deepEqual(texts(node(stale, "6.1.3")), ["no current evidence for A.6.2.4"]);

    const unapproved = completeFacts();
    unapproved.soa!.approved = null;
    assert.deepEqual(texts(node(unapproved, "6.1.3")), ["no approved SoA version"]);

    const changed = completeFacts();
    changed.soa!.entries[0] = entry("A.2.2", { changedSinceApproval: true });
    assert.match(
      texts(node(changed, "6.1.3"))[0]!,
      /1 SoA entry changed since version 1 was approved \(A\.2\.2\)/,
    );

    const undecided = completeFacts();
    undecided.soa!.entries = undecided.soa!.entries.filter((e) => e.controlId !== "A.10.4");
    undecided.soa!.entries.push(entry("A.10.3", { applicable: null }));
    assert.deepEqual(texts(node(undecided, "6.1.3")), ["no applicability decision for A.10.3 and A.10.4"]);
  });

  it("6.1.3 accepts a not-applicable control with a justification and no evidence, but not one without", () => {
    const facts = completeFacts();
    facts.soa!.entries[1] = entry("A.2.3", { applicable: false, implementationStatus: "not_applicable" });
    delete facts.evidence!["A.2.3"];
    assert.equal(node(facts, "6.1.3").status, "ready");
    facts.soa!.entries[1] = entry("A.2.3", { applicable: false, justification: " " });
    assert.deepEqual(texts(node(facts, "6.1.3")), ["no justification for A.2.3"]);
  });

  it("an Annex A control is ready when applicable, justified, owned, implemented, evidenced and approved", () => {
    const facts = completeFacts();
    assert.equal(node(facts, "A.6.2.4").status, "ready");
    facts.soa!.entries = facts.soa!.entries.map((e) =>
      e.controlId === "A.6.2.4" ? { ...e, implementationStatus: "partially_implemented" } : e,
    );
    facts.evidence!["A.6.2.4"] = { undated: 0, validUntil: { "2026-04-01": 1, "2026-05-01": 1 } };
    const n = node(facts, "A.6.2.4");
    assert.equal(n.status, "partial");
    assert.deepEqual(texts(n), [
      "implementation status is partially implemented",
      "no current evidence (2 items expired, the last on 2026-05-01)",
    ]);
    assert.deepEqual(
      n.missing.map((m) => m.area),
      ["soa", "evidence"],
    );
  });

  it("evidence is current up to and including its valid-until day", () => {
    const facts = completeFacts();
    facts.evidence!["A.7.4"] = { undated: 0, validUntil: { [TODAY]: 1 } };
    assert.equal(node(facts, "A.7.4").status, "ready");
    assert.equal(node(facts, "A.7.4", "2026-06-16").status, "partial");
    assert.deepEqual(texts(node(facts, "A.7.4", "2026-06-16")), [
      "no current evidence (1 item expired on 2026-06-15)",
    ]);
  });

  it("a control marked not applicable with a justification is not applicable and leaves the percentages", () => {
    const facts = completeFacts();
    facts.soa!.entries = facts.soa!.entries.map((e) =>
      e.controlId!.startsWith("A.10.")
        ? {
            ...e,
            applicable: false,
            implementationStatus: "not_applicable",
            justification: "No third parties.",
          }
        : e,
    );
    const view = run(facts);
    const a10 = view.annexGroups.find((g) => g.id === "A.10")!;
    assert.deepEqual(
      { ...a10, title: undefined },
      { id: "A.10", title: undefined, percent: null, ready: 0, partial: 0, missing: 0, notApplicable: 3 },
    );
    const n = view.nodes.find((x) => x.nodeId === "A.10.2")!;
    assert.equal(n.status, "not_applicable");
    assert.deepEqual(n.satisfied, ["not applicable: No third parties."]);
    assert.equal(view.percent, 100);
    assert.equal(view.counts.notApplicable, 3);
  });

  it("a control marked not applicable without a justification is missing", () => {
    const facts = completeFacts();
    facts.soa!.entries[0] = entry("A.2.2", { applicable: false, justification: "" });
    const n = node(facts, "A.2.2");
    assert.equal(n.status, "partial"); // the AI policy check still holds
    assert.deepEqual(texts(n), ["marked not applicable in the SoA without a justification"]);
  });

  it("computes scores and percentages: satisfied checks count 1, partial ½, missing 0", () => {
    const facts = emptyReadinessFacts();
    facts.counts = {
      context_issues: 2,
      context_issues_internal: 2,
      context_issues_external: 0,
      context_issues_review_overdue: 0,
    };
    const n41 = node(facts, "4.1");
    assert.equal(n41.status, "partial");
    assert.equal(n41.score, 2 / 3);
    facts.counts.context_issues_external = 1;
    facts.counts.interested_parties = 1;
    const view = run(facts);
    const clause4 = view.clauses.find((g) => g.id === "4")!;
    // 4.1 ready (1), 4.2 one of three checks (1/3; its "none undecided" is vacuous), 4.3 and 4.4 nothing
    assert.equal(clause4.percent, 33);
    assert.deepEqual([clause4.ready, clause4.partial, clause4.missing], [1, 1, 2]);
    // 4.1 = 1, 4.2 = 1/3 and 6.1.1 (both kinds of issue, no procedure) = 2/3, over all 70 nodes
    assert.equal(view.nodes.find((n) => n.nodeId === "6.1.1")!.score, 2 / 3);
    assert.equal(view.percent, Math.round((100 * (1 + 1 / 3 + 2 / 3)) / 70));
  });

  it("lists a group's nodes under their clause or Annex A group", () => {
    const view = run(emptyReadinessFacts());
    assert.equal(view.nodes.find((n) => n.nodeId === "6.1.2")!.groupId, "6");
    assert.equal(view.nodes.find((n) => n.nodeId === "A.6.2.4")!.groupId, "A.6");
    assert.equal(view.nodes.find((n) => n.nodeId === "10.2")!.groupId, "10");
    assert.equal(view.clauses.find((g) => g.id === "9")!.missing, 6);
  });

  it("counts stale evidence and published documents past review in the signals", () => {
    const facts = emptyReadinessFacts();
    facts.evidenceAll = { undated: 4, validUntil: { "2026-06-14": 2, [TODAY]: 1, "2027-01-01": 3 } };
    facts.documents = [
      doc({ nextReviewOn: "2026-06-14" }),
      doc({ nextReviewOn: "2026-06-14", published: null }),
    ];
    assert.deepEqual(run(facts).signals, { documentsReviewOverdue: 1, evidenceStale: 2, evidenceTotal: 10 });
  });

  it("rejects a day that is not YYYY-MM-DD", () => {
    assert.throws(() => run(emptyReadinessFacts(), "15/06/2026"), /YYYY-MM-DD/);
  });
});

describe("each check kind", () => {
  const records: ReadinessCheck = {
    check: "records",
    count: "objectives",
    min: 2,
    label: "objectives",
    explanation: "",
  };
  it("records: satisfied at min, partial below, missing at 0, and says when the area is not recorded", () => {
    assert.equal(check(records, { ...emptyReadinessFacts(), counts: { objectives: 2 } }).state, "satisfied");
    const partial = check(records, { ...emptyReadinessFacts(), counts: { objectives: 1 } });
    assert.equal(partial.state, "partial");
    assert.equal(partial.missing[0]!.text, "only 1 of at least 2 objectives recorded");
    assert.equal(check(records, { ...emptyReadinessFacts(), counts: { objectives: 0 } }).state, "missing");
    const absent = check(records, emptyReadinessFacts());
    assert.equal(absent.state, "missing");
    assert.equal(absent.missing[0]!.text, "active AI objectives are not recorded in OpenAIMS yet");
    assert.equal(absent.missing[0]!.area, "objectives");
  });

  it("no_records: satisfied at 0 among existing records, missing with the count, vacuous without records", () => {
    const c: ReadinessCheck = {
      check: "no_records",
      count: "objectives_incomplete",
      of: "objectives",
      label: "bad objectives",
      explanation: "",
    };
    const counts = (objectives: number, objectives_incomplete: number) => ({
      ...emptyReadinessFacts(),
      counts: { objectives, objectives_incomplete },
    });
    assert.equal(check(c, counts(3, 0)).state, "satisfied");
    const bad = check(c, counts(5, 4));
    assert.deepEqual([bad.state, bad.missing[0]!.text], ["missing", "4 bad objectives"]);
    const none = check(c, counts(0, 0));
    assert.deepEqual([none.state, none.missing[0]!.text], ["missing", "no active AI objectives recorded"]);
    // a sibling check already asks for objectives: no second message
    const sibling: ReadinessCheck = {
      check: "records",
      count: "objectives",
      min: 1,
      label: "x",
      explanation: "",
    };
    const quiet = evaluateCheck(c, {
      facts: counts(0, 0),
      today: TODAY,
      nodeId: "6.2",
      controlIds: [],
      siblings: [sibling, c],
    });
    assert.deepEqual([quiet.state, quiet.missing], ["missing", []]);
  });

  it("coverage: satisfied when none lacks, partial while some are covered, missing when none is", () => {
    const counts = (ai_systems_in_scope: number, ai_systems_without_impact_assessment: number) => ({
      ...emptyReadinessFacts(),
      counts: { ai_systems_in_scope, ai_systems_without_impact_assessment },
    });
    const ok = check(impactAssessed, counts(5, 0));
    assert.deepEqual(
      [ok.state, ok.satisfied],
      ["satisfied", ["all 5 AI systems in scope have an approved impact assessment"]],
    );
    const some = check(impactAssessed, counts(5, 3));
    assert.deepEqual(
      [some.state, some.missing],
      [
        "partial",
        [
          {
            text: "3 of 5 AI systems in scope have no approved impact assessment",
            area: "impact_assessments",
          },
        ],
      ],
    );
    assert.equal(check(impactAssessed, counts(5, 5)).state, "missing");
    const none = check(impactAssessed, counts(0, 0));
    assert.deepEqual(
      [none.state, none.missing.map((m) => [m.text, m.area])],
      [
        "missing",
        [["no AI systems in scope (in the register, not archived and not retired) recorded", "ai_systems"]],
      ],
    );
    assert.equal(check(impactAssessed, emptyReadinessFacts()).state, "missing");
  });

  it("coverage: whenNone satisfies with nothing to cover; a later vacuous check of a rule stays quiet", () => {
    const fria = (required: number, without: number) => ({
      ...emptyReadinessFacts(),
      counts: { ai_systems_fria_required: required, ai_systems_without_fria: without },
    });
    assert.equal(check(friaDone, fria(0, 0)).state, "missing"); // no AI system in scope: no answer either
    const noneNeeded = check(friaDone, {
      ...fria(0, 0),
      counts: { ...fria(0, 0).counts, ai_systems_in_scope: 2 },
    });
    assert.deepEqual(noneNeeded.satisfied, [
      "no AI system in scope requires a FRIA (per its newest EU AI Act classification)",
    ]);
    assert.deepEqual(
      check(friaDone, fria(2, 1)).missing[0]!.text,
      "1 of 2 AI systems that require a FRIA have no approved FRIA",
    );
    const facts = {
      ...emptyReadinessFacts(),
      counts: {
        ai_systems_in_scope: 4,
        ai_systems_without_impact_assessment: 4,
        impact_assessments_approved: 0,
        impact_assessments_review_overdue: 0,
      },
    };
    const reviewed = evaluateCheck(impactAssessmentsReviewed, {
      facts,
      today: TODAY,
      nodeId: "8.4",
      controlIds: [],
      siblings: [impactAssessed, impactAssessmentsReviewed],
    });
    assert.deepEqual([reviewed.state, reviewed.missing], ["missing", []]);
  });

  it("8.4 and A.5.3 explain which AI systems lack an approved or a current impact assessment", () => {
    const facts = completeFacts();
    facts.counts.ai_systems_in_scope = 5;
    facts.counts.ai_systems_without_impact_assessment = 3;
    facts.counts.impact_assessments_approved = 2;
    facts.counts.impact_assessments_review_overdue = 1;
    facts.counts.ai_systems_fria_required = 1;
    facts.counts.ai_systems_without_fria = 1;
    const n84 = node(facts, "8.4");
    assert.equal(n84.status, "partial");
    assert.deepEqual(texts(n84), [
      "3 of 5 AI systems in scope have no approved impact assessment",
      "1 of 2 approved impact assessments are past their review date",
      "1 of 1 AI systems that require a FRIA have no approved FRIA",
    ]);
    assert.equal(n84.score, (0.5 + 0.5 + 0) / 3);
    assert.deepEqual(texts(node(facts, "A.5.5")), [
      "3 of 5 AI systems in scope have no approved impact assessment",
    ]);
  });

  it("evidence_linked: satisfied with current items, partial when only expired or too few, missing with none", () => {
    const c: ReadinessCheck = { check: "evidence_linked", min: 2, explanation: "" };
    const facts = (undated: number, validUntil: Record<string, number> = {}) => ({
      ...emptyReadinessFacts(),
      evidence: { X: { undated, validUntil } },
    });
    assert.equal(check(c, facts(1, { "2026-07-01": 1 })).state, "satisfied");
    assert.equal(check(c, facts(1)).missing[0]!.text, "only 1 of at least 2 current evidence items for X");
    const expired = check(c, facts(0, { "2026-06-01": 3 }));
    assert.deepEqual(
      [expired.state, expired.missing[0]!.text],
      ["partial", "no current evidence for X (3 items expired, the last on 2026-06-01)"],
    );
    assert.equal(check(c, facts(0)).state, "missing");
    assert.equal(
      check({ ...c, node: "7.2" }, { ...emptyReadinessFacts(), evidence: {} }).missing[0]!.text,
      "no current evidence for 7.2",
    );
    assert.equal(
      check(c, emptyReadinessFacts()).missing[0]!.text,
      "evidence is not recorded in OpenAIMS yet",
    );
  });

  it("approved_scope: satisfied with an approved version, missing without", () => {
    const c: ReadinessCheck = { check: "approved_scope", explanation: "" };
    const ok = check(c, {
      ...emptyReadinessFacts(),
      scope: { approved: { version: 3, approvedOn: "2026-01-02" } },
    });
    assert.deepEqual(
      [ok.state, ok.satisfied],
      ["satisfied", ["AIMS scope version 3 approved on 2026-01-02"]],
    );
    const none = check(c, { ...emptyReadinessFacts(), scope: { approved: null } });
    assert.deepEqual(
      [none.state, none.missing[0]!.text],
      ["missing", "no approved version of the AIMS scope"],
    );
  });

  it("soa_implemented: lists applicable entries not yet implemented", () => {
    const c: ReadinessCheck = { check: "soa_implemented", explanation: "" };
    const facts = {
      ...emptyReadinessFacts(),
      soa: {
        approved: null,
        entries: [
          entry("A.2.2"),
          entry("A.2.3", { implementationStatus: "planned" }),
          entry("A.2.4", { applicable: false, implementationStatus: "not_applicable" }),
        ],
      },
    };
    const r = check(c, facts);
    assert.deepEqual([r.state, r.missing[0]!.text], ["partial", "not yet implemented: A.2.3"]);
    assert.equal(check(c, { ...facts, soa: { approved: null, entries: [] } }).state, "missing");
  });

  it("documents_reviewed: partial when a published document is past review or has no review date", () => {
    const c: ReadinessCheck = { check: "documents_reviewed", explanation: "" };
    const facts = emptyReadinessFacts();
    assert.equal(check(c, facts).state, "missing");
    facts.documents = [doc({ title: "Policy" }), doc({ title: "Old", nextReviewOn: "2026-01-01" })];
    const r = check(c, facts);
    assert.deepEqual(
      [r.state, r.missing.map((m) => m.text)],
      ["partial", ['1 published document past review: "Old"']],
    );
    facts.documents = [doc({ title: "Policy" }), doc({ title: "Undated", nextReviewOn: null })];
    assert.deepEqual(
      check(c, facts).missing.map((m) => m.text),
      ['no next review date for "Undated"'],
    );
    facts.documents = [
      doc({ title: "Policy" }),
      doc({ title: "Draft", nextReviewOn: null, published: null }),
    ];
    assert.equal(check(c, facts).state, "satisfied");
  });
});
