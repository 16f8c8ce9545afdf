import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ImpactAssessmentContent } from "./schemas";
import { summarizeImpact } from "./rules";
import { diffAssessmentVersions, harmsText, type DiffableAssessmentVersion } from "./version-diff";

const version = (number: number, raw: unknown, over: Partial<DiffableAssessmentVersion> = {}) => {
  const content = ImpactAssessmentContent.parse(raw);
  return {
    number,
    title: "Triage",
    variant: "standard",
    templateId: "impact-standard-v1",
    content,
    summary: summarizeImpact(content),
    ...over,
  } satisfies DiffableAssessmentVersion;
};
const harm = { dimension: "safety", description: "Wrong priority", severity: 2, likelihood: 2 };

describe("diffAssessmentVersions", () => {
  it("lists only the fields that differ, along the template, each as a line diff", () => {
    const a = version(1, {
      system: { description: "Ranks calls.\nBy urgency." },
      decision: { outcome: "proceed" },
    });
    const b = version(3, {
      system: { description: "Ranks calls.\nBy urgency and age." },
      decision: { outcome: "proceed_with_conditions" },
      residual: { acceptable: true },
    });
    const d = diffAssessmentVersions(a, b);
    assert.deepEqual([d.from, d.to, d.same, d.changes], [1, 3, false, []]);
    assert.deepEqual(
      d.sections.map((s) => [s.key, s.fields.map((f) => f.path)]),
      [
        ["system", ["system.description"]],
        ["residual", ["residual.acceptable"]],
        ["decision", ["decision.outcome"]],
      ],
    );
    const desc = d.sections[0]!.fields[0]!;
    assert.deepEqual(
      desc.lines.map((l) => [l.op, l.text]),
      [
        ["equal", "Ranks calls."],
        ["remove", "By urgency."],
        ["add", "By urgency and age."],
      ],
    );
    assert.deepEqual([desc.added, desc.removed], [1, 1]);
    const outcome = d.sections[2]!.fields[0]!;
    assert.deepEqual(
      outcome.lines.map((l) => l.text),
      ["Proceed", "Proceed with conditions"],
    );
    assert.equal(d.sections[1]!.fields[0]!.lines[0]!.text, "Yes");
  });

  it("compares harms as text blocks with ratings and named controls, and the overall ratings", () => {
    const a = version(1, { harms: [harm] });
    const b = version(
      2,
      { harms: [{ ...harm, severity: 4, appliedControlIds: ["00000000-0000-4000-8000-000000000001"] }] },
      { title: "Triage v2" },
    );
    const d = diffAssessmentVersions(a, b, () => "Human review");
    assert.deepEqual(
      d.changes.map((c) => [c.field, c.before, c.after]),
      [
        ["title", "Triage", "Triage v2"],
        ["overallInherent", "Medium (4)", "High (8)"],
        ["overallResidual", "Medium (4)", "High (8)"],
      ],
    );
    const harms = d.sections.find((s) => s.key === "harms")!.fields[0]!;
    assert.ok(harms.lines.some((l) => l.op === "add" && l.text === "  Applied controls: Human review"));
    assert.ok(
      harms.lines.some((l) => l.op === "remove" && /severity 2 \(Moderate\) × likelihood 2/.test(l.text)),
    );
  });

  it("says same for identical versions, and shows the FRIA section when the variant changed", () => {
    const a = version(1, { harms: [harm] });
    assert.equal(diffAssessmentVersions(a, a).same, true);
    const fria = version(
      2,
      { harms: [harm], fria: { processes: "Used in triage." } },
      { variant: "fria", templateId: "impact-fria-v1" },
    );
    const d = diffAssessmentVersions(a, fria);
    assert.deepEqual(
      d.changes.map((c) => c.field),
      ["variant", "templateId"],
    );
    assert.deepEqual(
      d.sections.map((s) => s.key),
      ["fria"],
    );
    assert.match(harmsText([]), /^$/);
  });
});
