import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { iso42001_2023 } from "../frameworks/iso-iec-42001-2023";
import { documentTemplateKeys } from "../documents/templates";
import { iso42001ReadinessRules } from "./iso-iec-42001-2023-rules";
import { templateKeys } from "./iso-iec-42001-2023-checks";
import { recordCounts } from "./rules";

const rules = iso42001ReadinessRules.rules;
const idsOf = (kind: string) => iso42001_2023.nodes.filter((n) => n.kind === kind).map((n) => n.id);

describe("ISO/IEC 42001 readiness rules", () => {
  it("has exactly one rule per clause requirement (32) and per Annex A control (38), in catalogue order", () => {
    const expected = [...idsOf("requirement"), ...idsOf("control")];
    assert.equal(expected.length, 70);
    assert.deepEqual(
      rules.map((r) => r.nodeId),
      expected,
    );
  });

  it("gives every rule at least one check, and every check a plain explanation", () => {
    for (const rule of rules) {
      assert.ok(rule.checks.length > 0, rule.nodeId);
      for (const c of rule.checks) assert.ok(c.explanation.length > 20, `${rule.nodeId} ${c.check}`);
    }
  });

  it("requires the SoA entry of every Annex A control", () => {
    for (const rule of rules.filter((r) => r.nodeId.startsWith("A.")))
      assert.ok(
        rule.checks.some((c) => c.check === "soa_control_ready"),
        rule.nodeId,
      );
  });

  it("refers only to starter templates the documents area ships and to counts the loader defines", () => {
    for (const key of Object.values(templateKeys)) assert.ok(documentTemplateKeys.includes(key), key);
    for (const rule of rules)
      for (const c of rule.checks) {
        if (c.check === "records" || c.check === "no_records") assert.ok(c.count in recordCounts, c.count);
        if (c.check === "coverage") for (const k of [c.of, c.lacking]) assert.ok(k in recordCounts, k);
        if (c.check === "published_document" && c.document.templateKey)
          assert.ok(documentTemplateKeys.includes(c.document.templateKey), c.document.templateKey);
        if (c.check === "evidence_linked" && c.node)
          assert.ok(
            iso42001_2023.nodes.some((n) => n.id === c.node),
            c.node,
          );
      }
  });

  it("checks impact assessment records for 6.1.4, 8.4 and A.5.2–A.5.5, and no longer defers them", () => {
    for (const id of ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]) {
      const rule = rules.find((r) => r.nodeId === id)!;
      assert.ok(
        rule.checks.some(
          (c) => c.check === "coverage" && c.lacking === "ai_systems_without_impact_assessment",
        ),
        id,
      );
      assert.equal(rule.later, undefined, id);
    }
  });

  it("says what a later release will check where OpenAIMS has no records of that kind yet", () => {
    for (const id of ["6.1.2", "8.2", "9.2.1", "9.3.1", "10.2"]) {
      const rule = rules.find((r) => r.nodeId === id)!;
      assert.match(rule.later ?? "", /later release/, id);
    }
  });
});
