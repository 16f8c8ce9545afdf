import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../shared/domain-error";
import { aiSupplierQuestionnaire, questionsOf } from "./questionnaire";
import { QuestionnaireAnswers, SaveVendorQuestionnaireInput } from "./questionnaire-schemas";
import {
  decideCompleteVendorQuestionnaire,
  decideSaveVendorQuestionnaire,
  scoreQuestionnaire,
} from "./questionnaire-scoring";
import { vendorAttention } from "./vendor-attention";

const now = new Date("2026-07-01T12:00:00.000Z");
const all = questionsOf(aiSupplierQuestionnaire);
const choices = all.filter((q) => q.type === "choice");

/** Every choice question answered favourably, the date recent, then `over` applied. */
function answers(over: Record<string, string> = {}): QuestionnaireAnswers {
  const base: Record<string, { answer: string; note: string }> = {};
  for (const q of all) {
    if (q.type === "choice") base[q.id] = { answer: q.favourable, note: "" };
    if (q.type === "date") base[q.id] = { answer: "2026-03-01", note: "" };
  }
  for (const [id, a] of Object.entries(over)) base[id] = { answer: a, note: "" };
  return base;
}

describe("AI-supplier questionnaire data", () => {
  it("has 20–30 questions with unique ids, each with help, and weights 1–3 where scored", () => {
    assert.ok(all.length >= 20 && all.length <= 30, `has ${all.length}`);
    assert.equal(new Set(all.map((q) => q.id)).size, all.length);
    for (const q of all) {
      assert.ok(q.text.length > 10 && q.help.length > 10, q.id);
      if (q.type !== "text") assert.ok(q.weight >= 1 && q.weight <= 3, q.id);
    }
    const sections = aiSupplierQuestionnaire.sections.map((s) => s.id);
    for (const s of ["contract", "customers", "eu_ai_act", "subprocessors", "exit"])
      assert.ok(sections.includes(s));
  });
});

describe("questionnaire scoring", () => {
  it("all favourable answers suggest low with no concerns", () => {
    const s = scoreQuestionnaire(answers(), now);
    assert.equal(s.suggestedRating, "low");
    assert.equal(s.points, 0);
    assert.deepEqual(s.concerns, []);
    assert.deepEqual(s.unanswered, []);
  });

  it("no answers at all suggests nothing yet but lists every choice as unanswered and the missing date", () => {
    const s = scoreQuestionnaire({}, now);
    assert.equal(s.unanswered.length, choices.length);
    assert.deepEqual(
      s.concerns.map((c) => c.questionId),
      ["eval.last_evaluated"],
    );
    assert.equal(s.suggestedRating, "critical"); // only the date is scored, and it is missing
  });

  it("weights no fully, partial by half, and leaves n/a out of the applicable weight", () => {
    const base = scoreQuestionnaire(answers(), now).maxPoints;
    const s = scoreQuestionnaire(
      answers({ "supply.intended_use": "no", "doc.logs": "partial", "act.gpai_obligations": "na" }),
      now,
    );
    assert.equal(s.points, 2 + 0.5);
    assert.equal(s.maxPoints, base - 2);
    // partial on doc.logs is no concern (only "no" is), no on intended use is
    assert.deepEqual(
      s.concerns.map((c) => c.questionId),
      ["supply.intended_use"],
    );
    assert.equal(s.suggestedRating, "low");
  });

  it("an unfavourable 'yes' counts where 'no' is the favourable answer", () => {
    const s = scoreQuestionnaire(answers({ "data.customer_data_reuse": "yes" }), now);
    assert.equal(s.points, 3);
    assert.equal(s.concerns[0]?.questionId, "data.customer_data_reuse");
  });

  it("an escalating concern lifts the rating to its level even when the share is small", () => {
    assert.equal(
      scoreQuestionnaire(answers({ "security.incident_notice": "no" }), now).suggestedRating,
      "high",
    );
    assert.equal(
      scoreQuestionnaire(answers({ "act.high_risk_conformity": "partial" }), now).suggestedRating,
      "critical",
    );
  });

  it("the share at risk crosses the thresholds into medium, high and critical", () => {
    const nonEscalating = choices.filter(
      (q) => q.type === "choice" && !q.escalatesTo && q.favourable === "yes",
    );
    const noTo = (n: number) => Object.fromEntries(nonEscalating.slice(0, n).map((q) => [q.id, "no"]));
    const ratings = [2, 5, 9, 17].map((n) => scoreQuestionnaire(answers(noTo(n)), now).suggestedRating);
    assert.deepEqual(ratings, ["low", "medium", "high", "critical"]);
  });

  it("a date older than its limit is a concern, a recent one is not", () => {
    const stale = scoreQuestionnaire(answers({ "eval.last_evaluated": "2025-06-30" }), now);
    assert.equal(stale.concerns[0]?.reason, "older than 12 months");
    const fresh = scoreQuestionnaire(answers({ "eval.last_evaluated": "2025-07-01" }), now);
    assert.deepEqual(fresh.concerns, []);
  });
});

describe("questionnaire answers and lifecycle", () => {
  it("names the field of an unknown question, a bad choice and a bad date", () => {
    const r = SaveVendorQuestionnaireInput.safeParse({
      version: 0,
      answers: {
        "no.such": { answer: "yes" },
        "doc.logs": { answer: "maybe" },
        "eval.last_evaluated": { answer: "last year" },
      },
    });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path.join(".")).sort();
    assert.deepEqual(paths, [
      "answers.doc.logs.answer",
      "answers.eval.last_evaluated.answer",
      "answers.no.such",
    ]);
  });

  it("drops empty answers without a note", () => {
    const r = QuestionnaireAnswers.parse({
      "doc.logs": { answer: "" },
      "doc.instructions": { answer: "", note: "x" },
    });
    assert.deepEqual(Object.keys(r), ["doc.instructions"]);
  });

  it("saving checks the draft version (0 when none), refuses archived vendors, and skips no-op saves", () => {
    const v = { id: "v1", archivedAt: null };
    const a = answers();
    const e = decideSaveVendorQuestionnaire(v, null, a, 0);
    assert.equal(e?.type, "vendor.questionnaire_saved");
    assert.equal((e?.payload.changedQuestions as string[]).length, Object.keys(a).length);
    assert.equal(decideSaveVendorQuestionnaire(v, { version: 3, answers: a }, a, 3), null);
    const code = (fn: () => unknown, c: string) =>
      assert.throws(fn, (err) => err instanceof DomainError && err.code === c);
    code(() => decideSaveVendorQuestionnaire(v, { version: 3, answers: a }, a, 2), "conflict");
    code(() => decideSaveVendorQuestionnaire({ id: "v1", archivedAt: now }, null, a, 0), "invalid_state");
  });

  it("completing needs a saved draft with every choice answered, naming the missing ones", () => {
    const v = { id: "v1", archivedAt: null };
    const draft = (over: Record<string, string> = {}) => ({
      version: 2,
      questionnaireVersion: aiSupplierQuestionnaire.version,
      answers: answers(over),
    });
    assert.throws(
      () => decideCompleteVendorQuestionnaire(v, null, 1, 1, now),
      (e) => e instanceof DomainError && e.code === "invalid_state",
    );
    const partial = draft();
    delete partial.answers["doc.logs"];
    assert.throws(
      () => decideCompleteVendorQuestionnaire(v, partial, 2, 1, now),
      (e) =>
        e instanceof DomainError &&
        e.code === "invalid_input" &&
        JSON.stringify(e.details).includes("answers.doc.logs"),
    );
    const { score, event } = decideCompleteVendorQuestionnaire(
      v,
      draft({ "exit.portability": "no" }),
      2,
      4,
      now,
    );
    assert.equal(score.concerns.length, 1);
    assert.equal(event.type, "vendor.questionnaire_completed");
    assert.deepEqual(event.payload.concerns, ["exit.portability"]);
    assert.equal(event.payload.number, 4);
  });
});

describe("vendor attention inherited by systems", () => {
  const v = (extra: Partial<Parameters<typeof vendorAttention>[0][number]> = {}) => ({
    id: "a",
    name: "Acme",
    riskRating: null,
    reviewDate: null,
    archivedAt: null,
    latestConcerns: null,
    ...extra,
  });

  it("flags high and critical ratings, a passed review date and questionnaire concerns", () => {
    const flags = vendorAttention(
      [
        v({ riskRating: "critical", reviewDate: "2026-06-30", latestConcerns: 2 }),
        v({ id: "b", riskRating: "medium", reviewDate: "2026-07-01", latestConcerns: 0 }),
      ],
      now,
    );
    assert.deepEqual(
      flags.map((f) => [f.componentId, f.reason, f.detail]),
      [
        ["a", "vendor_high_risk", "critical"],
        ["a", "vendor_review_overdue", "2026-06-30"],
        ["a", "vendor_questionnaire_concerns", "2"],
      ],
    );
  });

  it("an archived vendor passes nothing on, and a vendor reached twice is flagged once", () => {
    assert.deepEqual(vendorAttention([v({ riskRating: "high", archivedAt: now })], now), []);
    assert.equal(vendorAttention([v({ riskRating: "high" }), v({ riskRating: "high" })], now).length, 1);
  });
});
