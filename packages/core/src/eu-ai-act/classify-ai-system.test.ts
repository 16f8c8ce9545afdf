import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../shared/domain-error";
import { ClassificationAnswers } from "../schemas/eu-ai-act";
import { classifyAiSystem } from "./classify-ai-system";
import { currentEuAiActRules as rules, findEuAiActRules } from "./registry";

/**
 * Expected values are taken from shared/reference/eu-ai-act.md (Regulation (EU) 2024/1689 as amended by
 * 2026/1744), written out here by hand — never from running the classifier.
 */

type Answers = ClassificationAnswers;
const base = (): Answers => ({
  roles: ["provider"],
  prohibitedPractices: [],
  annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: false },
  annexIII: null,
  art6_3: { exception: null, profiling: false },
  art50: {
    interactsWithPersons: false,
    syntheticContent: false,
    emotionOrBiometricCategorisation: false,
    deepFake: false,
    publicInterestText: false,
  },
  gpai: { isGpaiModel: false, trainingComputeFlop: null, designatedSystemicRisk: false },
  publicBodyOrPublicService: false,
});
const withAnswers = (patch: Partial<Answers>): Answers => ({ ...base(), ...patch });
const classify = (patch: Partial<Answers>) => classifyAiSystem(withAnswers(patch), rules);
const ob = (r: ReturnType<typeof classify>, article: string, role?: string) =>
  r.obligations.filter((o) => o.article === article && (!role || o.role === role));

describe("classifyAiSystem: a minimal-risk system", () => {
  it("is on no axis and owes only Art. 4 AI literacy from 2025-02-02", () => {
    const r = classify({ roles: ["provider", "deployer"] });
    assert.equal(r.prohibited, false);
    assert.equal(r.highRisk, false);
    assert.equal(r.highRiskRoute, null);
    assert.deepEqual(r.transparency, []);
    assert.equal(r.gpai, "none");
    assert.equal(r.friaRequired, false);
    assert.equal(r.registrationRequired, false);
    assert.deepEqual(
      r.obligations.map((o) => [o.article, o.role, o.appliesFrom, o.basis]),
      [
        ["Art. 4", "provider", "2025-02-02", "2024/1689"],
        ["Art. 4", "deployer", "2025-02-02", "2024/1689"],
      ],
    );
    assert.match(r.rationale[0]!, /eu-ai-act-2024-1689-amended-2026-1744/);
  });

  it("gives importers and distributors no Art. 4 duty (it names providers and deployers)", () => {
    assert.deepEqual(classify({ roles: ["importer", "distributor"] }).obligations, []);
  });
});

describe("classifyAiSystem: Art. 5 prohibited practices", () => {
  const cases: [string, string, string][] = [
    ["a", "2025-02-02", "2024/1689"],
    ["b", "2025-02-02", "2024/1689"],
    ["ba", "2026-12-02", "2026/1744"],
    ["bb", "2026-12-02", "2026/1744"],
    ["c", "2025-02-02", "2024/1689"],
    ["d", "2025-02-02", "2024/1689"],
    ["e", "2025-02-02", "2024/1689"],
    ["f", "2025-02-02", "2024/1689"],
    ["g", "2025-02-02", "2024/1689"],
    ["h", "2025-02-02", "2024/1689"],
  ];
  for (const [point, from, basis] of cases)
    it(`flags Art. 5(1)(${point}) as prohibited from ${from} (${basis})`, () => {
      const r = classify({ roles: ["deployer"], prohibitedPractices: [point] });
      assert.equal(r.prohibited, true);
      assert.deepEqual(r.prohibitedPoints, [point]);
      const [o] = ob(r, `Art. 5(1)(${point})`, "deployer");
      assert.equal(o?.appliesFrom, from);
      assert.equal(o?.basis, basis);
      assert.ok(r.rationale.some((line) => line.startsWith(`Art. 5(1)(${point})`)));
    });

  it("lists several points in the Act's order, whatever the answer order", () => {
    const r = classify({ prohibitedPractices: ["h", "bb", "a"] });
    assert.deepEqual(r.prohibitedPoints, ["a", "bb", "h"]);
  });
});

describe("classifyAiSystem: high-risk routes", () => {
  it("Annex I: a safety component needing third-party conformity assessment is high-risk from 2028-08-02", () => {
    const r = classify({ annexI: { safetyComponentOrProduct: true, thirdPartyConformityAssessment: true } });
    assert.equal(r.highRisk, true);
    assert.equal(r.highRiskRoute, "annex_i");
    assert.equal(r.annexIIIPoint, null);
    const [risk] = ob(r, "Art. 9", "provider");
    assert.deepEqual([risk?.appliesFrom, risk?.basis], ["2028-08-02", "2026/1744"]);
    assert.equal(r.registrationRequired, false, "Art. 49(1) covers Annex III only");
  });

  it("Annex I without third-party conformity assessment is not high-risk", () => {
    const r = classify({ annexI: { safetyComponentOrProduct: true, thirdPartyConformityAssessment: false } });
    assert.equal(r.highRisk, false);
    assert.equal(r.highRiskRoute, null);
  });

  it("Annex I: the product manufacturer takes on the provider's duties (Art. 25(3))", () => {
    const r = classify({
      roles: ["product_manufacturer"],
      annexI: { safetyComponentOrProduct: true, thirdPartyConformityAssessment: true },
    });
    assert.equal(ob(r, "Art. 25(3)", "product_manufacturer")[0]?.appliesFrom, "2028-08-02");
  });

  const annexIIIPoints = [
    "1(a)",
    "1(b)",
    "1(c)",
    "2(a)",
    "3(a)",
    "3(b)",
    "3(c)",
    "3(d)",
    "4(a)",
    "4(b)",
    "5(a)",
    "5(b)",
    "5(c)",
    "5(d)",
    "6(a)",
    "6(b)",
    "6(c)",
    "6(d)",
    "6(e)",
    "7(a)",
    "7(b)",
    "7(c)",
    "7(d)",
    "8(a)",
    "8(b)",
  ];
  for (const point of annexIIIPoints)
    it(`Annex III ${point} is high-risk by Art. 6(2), obligations from 2027-12-02`, () => {
      const r = classify({ annexIII: point });
      assert.equal(r.highRisk, true);
      assert.equal(r.highRiskRoute, "annex_iii");
      assert.equal(r.annexIIIPoint, point);
      assert.equal(r.exemptUnderArt6_3, false);
      for (const article of [
        "Art. 9",
        "Art. 10",
        "Art. 11",
        "Art. 12",
        "Art. 13",
        "Art. 14",
        "Art. 15",
        "Art. 17",
      ]) {
        const [o] = ob(r, article, "provider");
        assert.equal(o?.appliesFrom, "2027-12-02", article);
        assert.equal(o?.basis, "2026/1744", article);
      }
    });

  it("covers all eight Annex III areas in the rule data", () => {
    assert.deepEqual(
      rules.annexIII.map((a) => a.area),
      ["1", "2", "3", "4", "5", "6", "7", "8"],
    );
  });

  it("dates duties from the earlier Annex III date when both routes apply", () => {
    const r = classify({
      annexI: { safetyComponentOrProduct: true, thirdPartyConformityAssessment: true },
      annexIII: "5(d)",
    });
    assert.equal(r.highRiskRoute, "annex_i");
    assert.equal(r.annexIIIPoint, "5(d)");
    assert.equal(ob(r, "Art. 9")[0]?.appliesFrom, "2027-12-02");
  });

  it("gives importers, distributors, authorised representatives and deployers their own high-risk duties", () => {
    const r = classify({
      roles: ["importer", "distributor", "authorised_representative", "deployer"],
      annexIII: "4(a)",
    });
    assert.equal(ob(r, "Art. 23", "importer").length, 1);
    assert.equal(ob(r, "Art. 24", "distributor").length, 1);
    assert.equal(ob(r, "Art. 22", "authorised_representative").length, 1);
    assert.equal(ob(r, "Art. 26(1)", "deployer")[0]?.appliesFrom, "2027-12-02");
    assert.equal(ob(r, "Art. 26(11)", "deployer").length, 1);
    assert.equal(ob(r, "Art. 9").length, 0, "no provider among the roles");
  });
});

describe("classifyAiSystem: Art. 6(3) exceptions and the profiling override", () => {
  for (const exception of ["a", "b", "c", "d"] as const) {
    it(`exception (${exception}) without profiling: not high-risk, documented and registered`, () => {
      const r = classify({ annexIII: "4(a)", art6_3: { exception, profiling: false } });
      assert.equal(r.exemptUnderArt6_3, true);
      assert.equal(r.highRisk, false);
      assert.equal(r.highRiskRoute, null);
      assert.equal(r.annexIIIPoint, "4(a)");
      assert.equal(r.registrationRequired, true, "Art. 49(2)");
      assert.equal(ob(r, "Art. 6(4)", "provider")[0]?.appliesFrom, "2027-12-02");
      assert.equal(ob(r, "Art. 49(2)", "provider").length, 1);
      assert.equal(ob(r, "Art. 9").length, 0);
      assert.ok(r.rationale.some((l) => l.startsWith(`Art. 6(3)(${exception})`)));
    });

    it(`exception (${exception}) with profiling: never exempt, high-risk`, () => {
      const r = classify({ annexIII: "4(a)", art6_3: { exception, profiling: true } });
      assert.equal(r.exemptUnderArt6_3, false);
      assert.equal(r.highRisk, true);
      assert.equal(r.highRiskRoute, "annex_iii");
      assert.equal(ob(r, "Art. 6(4)").length, 0);
      assert.ok(r.rationale.some((l) => l.includes("always high-risk")));
    });
  }
});

describe("classifyAiSystem: Art. 50 transparency", () => {
  const cases: [keyof Answers["art50"], string, "provider" | "deployer"][] = [
    ["interactsWithPersons", "50(1)", "provider"],
    ["syntheticContent", "50(2)", "provider"],
    ["emotionOrBiometricCategorisation", "50(3)", "deployer"],
    ["deepFake", "50(4)", "deployer"],
    ["publicInterestText", "50(4)", "deployer"],
  ];
  for (const [flag, paragraph, role] of cases)
    it(`${flag} → Art. ${paragraph} for the ${role}, from 2026-08-02`, () => {
      const r = classify({ roles: ["provider", "deployer"], art50: { ...base().art50, [flag]: true } });
      assert.deepEqual(r.transparency, [paragraph]);
      const found = ob(r, `Art. ${paragraph}`);
      assert.deepEqual(
        found.map((o) => [o.role, o.appliesFrom, o.basis]),
        [[role, "2026-08-02", "2024/1689"]],
      );
    });

  it("sits on top of high-risk and lists each paragraph once", () => {
    const all = {
      interactsWithPersons: true,
      syntheticContent: true,
      emotionOrBiometricCategorisation: true,
      deepFake: true,
      publicInterestText: true,
    };
    const r = classify({ annexIII: "1(c)", art50: all });
    assert.equal(r.highRisk, true);
    assert.deepEqual(r.transparency, ["50(1)", "50(2)", "50(3)", "50(4)"]);
  });
});

describe("classifyAiSystem: general-purpose AI models", () => {
  const gpai = (trainingComputeFlop: number | null, designatedSystemicRisk = false) =>
    classify({ gpai: { isGpaiModel: true, trainingComputeFlop, designatedSystemicRisk } });

  it("a GPAI model below the presumption owes Art. 53 from 2025-08-02", () => {
    const r = gpai(1e24);
    assert.equal(r.gpai, "gpai");
    assert.equal(ob(r, "Art. 53(1)(a)", "provider")[0]?.appliesFrom, "2025-08-02");
    assert.equal(ob(r, "Art. 55(1)(a)").length, 0);
  });

  it("exactly 10^25 FLOP is not 'greater than' the threshold (Art. 51(2))", () => {
    assert.equal(gpai(1e25).gpai, "gpai");
  });

  it("more than 10^25 FLOP presumes systemic risk: Arts. 52 and 55 too", () => {
    const r = gpai(3e25);
    assert.equal(r.gpai, "gpai_systemic_risk");
    assert.equal(ob(r, "Art. 52(1)").length, 1);
    assert.equal(ob(r, "Art. 55(1)(d)")[0]?.appliesFrom, "2025-08-02");
    assert.ok(r.rationale.some((l) => l.startsWith("Art. 51(2)")));
  });

  it("designation by the Commission makes systemic risk whatever the compute (Art. 51(1)(b))", () => {
    assert.equal(gpai(null, true).gpai, "gpai_systemic_risk");
    assert.equal(gpai(1e20, true).gpai, "gpai_systemic_risk");
  });

  it("unknown compute and no designation is a plain GPAI model", () => {
    assert.equal(gpai(null).gpai, "gpai");
  });

  it("a model that is not general-purpose is 'none' whatever its compute", () => {
    const r = classify({
      gpai: { isGpaiModel: false, trainingComputeFlop: 5e25, designatedSystemicRisk: false },
    });
    assert.equal(r.gpai, "none");
  });
});

describe("classifyAiSystem: Art. 27 fundamental rights impact assessment", () => {
  const deployer = (
    annexIII: string,
    publicBodyOrPublicService: boolean,
    roles: Answers["roles"] = ["deployer"],
  ) => classify({ roles, annexIII, publicBodyOrPublicService });

  it("a public body deploying an Annex III system needs one", () => {
    const r = deployer("4(a)", true);
    assert.equal(r.friaRequired, true);
    assert.equal(ob(r, "Art. 27", "deployer")[0]?.appliesFrom, "2027-12-02");
  });
  it("a private deployer of credit scoring (5(b)) needs one", () => {
    assert.equal(deployer("5(b)", false).friaRequired, true);
  });
  it("a private deployer of life and health insurance pricing (5(c)) needs one", () => {
    assert.equal(deployer("5(c)", false).friaRequired, true);
  });
  it("critical infrastructure (point 2) is excluded even for a public body", () => {
    const r = deployer("2(a)", true);
    assert.equal(r.highRisk, true);
    assert.equal(r.friaRequired, false);
  });
  it("a private deployer of another Annex III system needs none", () => {
    assert.equal(deployer("4(a)", false).friaRequired, false);
  });
  it("a provider that does not deploy owes none", () => {
    assert.equal(deployer("5(b)", true, ["provider"]).friaRequired, false);
  });
  it("an Art. 6(3)-exempt system needs none", () => {
    const r = classify({
      roles: ["deployer"],
      annexIII: "5(b)",
      art6_3: { exception: "d", profiling: false },
    });
    assert.equal(r.friaRequired, false);
  });
});

describe("classifyAiSystem: Art. 49 registration", () => {
  it("a provider of an Annex III system registers in the EU database (49(1))", () => {
    const r = classify({ annexIII: "3(a)" });
    assert.equal(r.registrationRequired, true);
    assert.equal(ob(r, "Art. 49(1)", "provider")[0]?.appliesFrom, "2027-12-02");
  });
  it("critical infrastructure is registered at national level (49(5)), not in the EU database", () => {
    const r = classify({ annexIII: "2(a)" });
    assert.equal(r.registrationRequired, true);
    assert.equal(ob(r, "Art. 49(1)").length, 0);
    assert.equal(ob(r, "Art. 49(5)", "provider").length, 1);
  });
  it("a public-authority deployer registers its use (49(3)); a private deployer does not", () => {
    assert.equal(
      ob(classify({ roles: ["deployer"], annexIII: "5(a)", publicBodyOrPublicService: true }), "Art. 49(3)")
        .length,
      1,
    );
    assert.equal(classify({ roles: ["deployer"], annexIII: "5(a)" }).registrationRequired, false);
  });
  it("names the non-public section for areas 1, 6 and 7 (49(4))", () => {
    assert.ok(classify({ annexIII: "6(b)" }).rationale.some((l) => l.startsWith("Art. 49(4)")));
    assert.ok(!classify({ annexIII: "3(b)" }).rationale.some((l) => l.startsWith("Art. 49(4)")));
  });
});

describe("EU AI Act rule data: the amended application dates", () => {
  const date = (id: string) => rules.dates.find((d) => d.id === id)!;
  it("moves Annex III high-risk to 2027-12-02 and Annex I to 2028-08-02 (Art. 113(c) as amended)", () => {
    assert.deepEqual(
      [date("high-risk.annex-iii").appliesFrom, date("high-risk.annex-iii").basis],
      ["2027-12-02", "2026/1744"],
    );
    assert.deepEqual(date("high-risk.annex-iii").supersedes, {
      appliesFrom: "2026-08-02",
      basis: "2024/1689",
    });
    assert.deepEqual(
      [date("high-risk.annex-i").appliesFrom, date("high-risk.annex-i").basis],
      ["2028-08-02", "2026/1744"],
    );
    assert.deepEqual(date("high-risk.annex-i").supersedes, { appliesFrom: "2027-08-02", basis: "2024/1689" });
  });
  it("keeps prohibitions and literacy at 2025-02-02, GPAI at 2025-08-02, Art. 50 at 2026-08-02", () => {
    assert.equal(date("general-provisions-and-prohibitions").appliesFrom, "2025-02-02");
    assert.equal(date("gpai.obligations").appliesFrom, "2025-08-02");
    assert.equal(date("general-application").appliesFrom, "2026-08-02");
  });
  it("holds the 10^25 FLOP presumption as a threshold record with its article and basis", () => {
    const t = rules.thresholds.find((x) => x.id === rules.gpaiSystemicRiskThreshold)!;
    assert.deepEqual([t.value, t.comparator, t.article, t.basis], [1e25, ">", "Art. 51(2)", "2024/1689"]);
  });
  it("lists Art. 5(1) points a, b, ba, bb, c–h", () => {
    assert.deepEqual(
      rules.prohibitedPractices.map((p) => p.point),
      ["a", "b", "ba", "bb", "c", "d", "e", "f", "g", "h"],
    );
  });
  it("every obligation's date reference and every obligation id resolve", () => {
    const ids = new Set(rules.dates.map((d) => d.id));
    for (const o of rules.obligations)
      if (typeof o.appliesFrom === "string") assert.ok(ids.has(o.appliesFrom), o.id);
    assert.equal(new Set(rules.obligations.map((o) => o.id)).size, rules.obligations.length);
  });
});

describe("ClassificationAnswers / classifyAiSystem: invalid and contradictory answers", () => {
  const cases: [string, Partial<Answers>, string][] = [
    ["an unknown Annex III point", { annexIII: "9(z)" }, "annexIII"],
    ["an unknown Art. 5 point", { prohibitedPractices: ["a", "i"] }, "prohibitedPractices.1"],
    [
      "an Art. 6(3) exception without an Annex III point",
      { art6_3: { exception: "a", profiling: false } },
      "art6_3.exception",
    ],
    [
      "negative compute",
      { gpai: { isGpaiModel: true, trainingComputeFlop: -1, designatedSystemicRisk: false } },
      "gpai.trainingComputeFlop",
    ],
    [
      "a designation without a GPAI model",
      { gpai: { isGpaiModel: false, trainingComputeFlop: null, designatedSystemicRisk: true } },
      "gpai.designatedSystemicRisk",
    ],
    [
      "third-party assessment without an Annex I product",
      { annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: true } },
      "annexI.thirdPartyConformityAssessment",
    ],
  ];
  for (const [what, patch, path] of cases) {
    it(`the schema rejects ${what}, naming ${path}`, () => {
      const parsed = ClassificationAnswers.safeParse(withAnswers(patch));
      assert.equal(parsed.success, false);
      assert.deepEqual(
        parsed.error!.issues.map((i) => i.path.join(".")),
        [path],
      );
    });
    it(`the classifier throws invalid_input for ${what}, naming ${path}`, () => {
      assert.throws(
        () => classify(patch),
        (e: unknown) =>
          e instanceof DomainError &&
          e.code === "invalid_input" &&
          (e.details as { issues: { path: string }[] }).issues[0]!.path === path,
      );
    });
  }
  it("rejects unknown keys and unknown roles", () => {
    assert.equal(ClassificationAnswers.safeParse({ ...base(), extra: 1 }).success, false);
    assert.equal(ClassificationAnswers.safeParse({ ...base(), roles: ["user"] }).success, false);
  });
  it("accepts a complete, consistent answer set", () => {
    assert.equal(ClassificationAnswers.safeParse(withAnswers({ annexIII: "5(b)" })).success, true);
  });
});

describe("classifyAiSystem: rule data drives the result, not code", () => {
  it("follows a threshold changed by a later rule-data version (Art. 51(3) delegated act)", () => {
    const later = {
      ...rules,
      id: "test-later-version",
      thresholds: rules.thresholds.map((t) =>
        t.id === rules.gpaiSystemicRiskThreshold ? { ...t, value: 1e24 } : t,
      ),
    };
    const answers = withAnswers({
      gpai: { isGpaiModel: true, trainingComputeFlop: 3e24, designatedSystemicRisk: false },
    });
    assert.equal(classifyAiSystem(answers, rules).gpai, "gpai");
    const r = classifyAiSystem(answers, later);
    assert.equal(r.gpai, "gpai_systemic_risk");
    assert.match(r.rationale[0]!, /test-later-version/);
  });

  it("follows a moved application date", () => {
    const later = {
      ...rules,
      dates: rules.dates.map((d) =>
        d.id === "high-risk.annex-iii" ? { ...d, appliesFrom: "2029-01-01" } : d,
      ),
    };
    const r = classifyAiSystem(withAnswers({ annexIII: "3(a)" }), later);
    assert.equal(r.obligations.find((o) => o.article === "Art. 9")?.appliesFrom, "2029-01-01");
  });

  it("finds the current version by its id", () => {
    assert.equal(findEuAiActRules("eu-ai-act-2024-1689-amended-2026-1744"), rules);
    assert.equal(findEuAiActRules("nope"), undefined);
  });
});
