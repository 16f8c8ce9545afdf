import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createFairnessAccumulator, generalizedEntropyFromBenefits } from "./fairness";
import { FairnessResult, type ClassificationRecord, type FairnessOptions } from "./types";
import { compasCells } from "./fixtures/compas-cells";
import { adultCells } from "./fixtures/adult-cells";

const close = (actual: number | null | undefined, expected: number, digits = 6, what = "") => {
  assert.ok(actual !== null && actual !== undefined, `${what}: expected ${expected}, got ${actual}`);
  assert.ok(
    Math.abs(actual - expected) <= 0.5 * 10 ** -digits + 1e-12,
    `${what}: expected ${expected} (to ${digits} decimals), got ${actual}`,
  );
};

function run(records: ClassificationRecord[], options: FairnessOptions) {
  const acc = createFairnessAccumulator(options);
  for (const r of records) acc.add(r);
  const result = acc.result();
  FairnessResult.parse(result); // the JSON contract holds
  return result;
}

const between = (r: FairnessResult, metric: string, method = "between_groups", attribute?: string) =>
  r.between.find(
    (b) => b.metric === metric && b.method === method && (!attribute || b.attribute === attribute),
  );

// R1 — Fairlearn user guide example.
const yTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
const yPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
const sf = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];
const fairlearnRecords: ClassificationRecord[] = yTrue.map((y, i) => ({
  label: y as 0 | 1,
  prediction: yPred[i] as 0 | 1,
  groups: { sf: sf[i]! },
}));

describe("fairness — Fairlearn documentation example (R1)", () => {
  const r = run(fairlearnRecords, { attributes: ["sf"], minGroupSize: 1 });
  const g = (v: string) => r.groups.find((x) => x.value === v)!;

  it("reproduces the per-group TPR, FPR, selection rate and count", () => {
    close(r.overall.tpr, 0.5, 6, "overall tpr");
    close(r.overall.fpr, 0.666667, 6, "overall fpr");
    close(r.overall.selectionRate, 0.555556, 6, "overall sr");
    assert.equal(r.overall.n, 18);
    const table: [string, number, number, number, number][] = [
      ["a", 0.5, 1.0, 0.75, 4],
      ["b", 0.6, 0.0, 0.5, 6],
      ["c", 0.4, 0.666667, 0.5, 8],
    ];
    for (const [v, tpr, fpr, sr, n] of table) {
      close(g(v).tpr, tpr, 6, `${v} tpr`);
      close(g(v).fpr, fpr, 6, `${v} fpr`);
      close(g(v).selectionRate, sr, 6, `${v} sr`);
      assert.equal(g(v).n, n);
    }
  });

  it("reproduces the scalar aggregates", () => {
    close(between(r, "demographic_parity_difference")!.value, 0.25, 6, "dpd");
    close(between(r, "demographic_parity_ratio")!.value, 0.666667, 6, "dpr");
    close(between(r, "equalized_odds_difference")!.value, 1.0, 6, "eod");
    close(between(r, "equalized_odds_ratio")!.value, 0.0, 6, "eor");
    close(between(r, "equal_opportunity_difference")!.value, 0.2, 6, "eopd");
    close(between(r, "equal_opportunity_ratio")!.value, 0.666667, 6, "eopr");
  });

  it("reproduces difference/ratio to overall", () => {
    close(between(r, "demographic_parity_difference", "to_overall")!.value, 0.194444, 6, "dpd overall");
    close(between(r, "demographic_parity_ratio", "to_overall")!.value, 0.740741, 6, "dpr overall");
  });

  it("records conventions on every aggregate", () => {
    const dpd = between(r, "demographic_parity_difference")!;
    assert.equal(dpd.differenceSign, "max_minus_min");
    assert.equal(dpd.definitionVersion, "demographic_parity_difference@1");
    assert.equal(between(r, "demographic_parity_ratio")!.ratioDirection, "min_over_max");
    assert.equal(r.conventions.zeroDivision, "null_with_reason");
    assert.deepEqual(r.conventions.references, [
      { attribute: "sf", referenceGroup: "c", referenceSelection: "majority" },
    ]);
    const di = r.between.find((b) => b.metric === "disparate_impact" && b.group === "a")!;
    assert.equal(di.ratioDirection, "comparison_over_reference");
    assert.equal(di.referenceGroup, "c");
    close(di.value, 0.75 / 0.5, 9, "DI a vs c");
    assert.match(di.note!, /US employment/);
    const spd = r.between.find((b) => b.metric === "statistical_parity_difference" && b.group === "b")!;
    assert.equal(spd.differenceSign, "comparison_minus_reference");
    close(spd.value, 0, 9, "SPD b vs c");
  });

  it("flags small groups, keeps them listed and leaves them out of aggregates", () => {
    const small = run(fairlearnRecords, { attributes: ["sf"], minGroupSize: 5 });
    const a = small.groups.find((x) => x.value === "a")!;
    assert.equal(a.smallGroup, true);
    assert.equal(a.n, 4);
    // Without a (sr 0.75), b and c both select 0.5.
    close(between(small, "demographic_parity_difference")!.value, 0, 9, "dpd without a");
    assert.ok(small.warnings.some((w) => w.includes("group_too_small")));
    assert.equal(small.disparities.find((d) => d.value === "a")!.fair, null);
    // With the default (30) no group is large enough: aggregates are null with a reason, never 0.
    const none = run(fairlearnRecords, { attributes: ["sf"] });
    assert.equal(between(none, "demographic_parity_difference")!.value, null);
    assert.equal(between(none, "demographic_parity_difference")!.reason, "fewer_than_two_groups");
  });
});

describe("fairness — AIF360 inequality indices (R2)", () => {
  const y = [1, 0, 0, 1, 0, 0, 1, 0, 1, 1];
  const rec = (pred: number[]) =>
    y.map((l, i) => ({ label: l as 0 | 1, prediction: pred[i] as 0 | 1, groups: { g: "x" } }));
  it("GE(2) = 0.2 and Theil = 4 ln 2 / 10", () => {
    const r = run(rec([1, 0, 0, 0, 1, 1, 1, 0, 1, 0]), { attributes: ["g"], minGroupSize: 1 });
    const ge = r.inequality.find((i) => i.metric === "generalized_entropy_index" && i.attribute === null)!;
    const theil = r.inequality.find((i) => i.metric === "theil_index" && i.attribute === null)!;
    close(ge.value, 0.2, 12, "GE(2)");
    close(theil.value, (4 * Math.log(2)) / 10, 12, "Theil");
    close(theil.value, 0.277259, 6, "Theil published");
  });
  it("GE(2) = 0.3 for the second prediction vector", () => {
    const r = run(rec([0, 1, 1, 0, 0, 0, 0, 1, 1, 1]), { attributes: ["g"], minGroupSize: 1 });
    close(r.inequality.find((i) => i.metric === "generalized_entropy_index")!.value, 0.3, 12, "GE(2)");
  });
  it("R6: Theil of b = [1,1,1,0,2,2,1,1,1,0] is 0.4 ln 2; GE(0) is undefined with zero benefits", () => {
    const b = [1, 1, 1, 0, 2, 2, 1, 1, 1, 0];
    const w = [0, 1, 2].map((v) => ({ b: v, n: b.filter((x) => x === v).length }));
    close(generalizedEntropyFromBenefits(w, 1).value, 0.4 * Math.log(2), 12, "Theil");
    assert.deepEqual(generalizedEntropyFromBenefits(w, 0), {
      value: null,
      reason: "zero_benefit_with_alpha_0",
    });
  });
});

function* compasRecords(): Generator<ClassificationRecord> {
  for (const c of compasCells)
    for (let i = 0; i < c.n; i++)
      yield {
        label: c.label as 0 | 1,
        prediction: c.prediction as 0 | 1,
        groups: { race: c.race, sex: c.sex, age_cat: c.age_cat },
      };
}

const disparityRow = (r: FairnessResult, attribute: string, value: string) =>
  Object.fromEntries(
    r.disparities
      .filter((d) => d.attribute === attribute && d.value === value)
      .map((d) => [d.metric, d.disparity]),
  );

describe("fairness — Aequitas COMPAS demo (R3)", () => {
  const metrics = ["fdr", "fnr", "for", "fpr", "npv", "ppr", "pprev", "precision", "tnr", "tpr"] as const;
  const expectRow = (r: FairnessResult, attribute: string, value: string, expected: number[]) => {
    const row = disparityRow(r, attribute, value);
    metrics.forEach((m, i) => close(row[m], expected[i]!, 6, `${value} ${m}`));
  };

  it("disparities vs Hispanic (cell 48), row African-American", () => {
    const acc = createFairnessAccumulator({
      attributes: ["race"],
      reference: { race: "Hispanic" },
      minGroupSize: 0,
    });
    for (const r of compasRecords()) acc.add(r);
    const r = acc.result();
    expectRow(
      r,
      "race",
      "African-American",
      [0.808669, 0.503301, 1.211197, 2.087696, 0.914326, 11.442105, 1.97203, 1.16161, 0.702423, 1.622079],
    );
    assert.equal(r.conventions.references[0]!.referenceSelection, "predefined");
  });

  it("disparities vs the majority group (cell 51): majority is African-American, row Asian", () => {
    const acc = createFairnessAccumulator({ attributes: ["race", "sex", "age_cat"], minGroupSize: 0 });
    for (const r of compasRecords()) acc.add(r);
    const r = acc.result();
    assert.deepEqual(r.conventions.references[0], {
      attribute: "race",
      referenceGroup: "African-American",
      referenceSelection: "majority",
    });
    expectRow(
      r,
      "race",
      "Asian",
      [0.675155, 1.191103, 0.357613, 0.193897, 1.345202, 0.00368, 0.425023, 1.191015, 1.655468, 0.925737],
    );
  });

  it("attribute-level parity verdicts at tau = 0.8 (cell 75)", () => {
    const acc = createFairnessAccumulator({
      attributes: ["race", "sex", "age_cat"],
      reference: { race: "Caucasian", sex: "Male", age_cat: "25 - 45" },
      minGroupSize: 0,
    });
    for (const r of compasRecords()) acc.add(r);
    const r = acc.result();
    const order = [
      "statistical",
      "impact",
      "fdr",
      "fpr",
      "for",
      "fnr",
      "tpr",
      "tnr",
      "npv",
      "precision",
      "typeI",
      "typeII",
      "equalizedOdds",
      "unsupervised",
      "supervised",
    ] as const;
    const expected: Record<string, string> = {
      age_cat: "F F T F F F F F T T F F F F F",
      race: "F F F F F F F F T F F F F F F",
      sex: "F T F T F T T T T T F F T F F",
    };
    for (const [attribute, row] of Object.entries(expected)) {
      const v = r.parity.find((p) => p.attribute === attribute)!.verdicts;
      const got = order.map((k) => (v[k] ? "T" : "F")).join(" ");
      assert.equal(got, row, `parity for ${attribute}`);
    }
    // Overall roll-up: Unsupervised and Supervised Fairness are both false.
    assert.equal(
      r.parity.every((p) => p.verdicts.unsupervised),
      false,
    );
    assert.equal(
      r.parity.every((p) => p.verdicts.supervised),
      false,
    );
  });

  it("intersectional groups carry canonical labels and their n", () => {
    const acc = createFairnessAccumulator({
      attributes: ["race", "sex"],
      intersectional: true,
      minGroupSize: 30,
    });
    for (const r of compasRecords()) acc.add(r);
    const r = acc.result();
    const inter = r.groups.filter((g) => g.attribute === "race|sex");
    assert.ok(inter.some((g) => g.value === "race=African-American|sex=Female"));
    assert.equal(
      inter.reduce((s, g) => s + g.n, 0),
      7214,
    );
    assert.ok(
      inter.some((g) => g.smallGroup),
      "Native American women are a small group",
    );
  });
});

const compasFile = fileURLToPath(
  new URL("../../../../../shared/data/compas_for_aequitas.csv", import.meta.url),
);

describe("fairness — full COMPAS file", () => {
  it(
    "streams compas_for_aequitas.csv row by row to the same result as the derived cell counts",
    {
      skip: existsSync(compasFile)
        ? false
        : `${compasFile} is absent (../shared/data); the cell fixture covers R3`,
    },
    () => {
      const lines = readFileSync(compasFile, "utf8").trim().split(/\r?\n/);
      assert.equal(lines[0], "entity_id,score,label_value,race,sex,age_cat");
      const options: FairnessOptions = {
        attributes: ["race", "sex", "age_cat"],
        intersectional: true,
        minGroupSize: 0,
      };
      const full = createFairnessAccumulator(options);
      for (const line of lines.slice(1)) {
        const [, score, label, race, sex, age] = line.split(",");
        full.add({
          label: Number(label) as 0 | 1,
          prediction: Number(score) as 0 | 1,
          groups: { race: race!, sex: sex!, age_cat: age! },
        });
      }
      const cells = createFairnessAccumulator(options);
      for (const r of compasRecords()) cells.add(r);
      assert.equal(lines.length - 1, 7214);
      assert.deepEqual(full.result(), cells.result());
    },
  );
});

describe("fairness — seeded bootstrap", () => {
  const options: FairnessOptions = {
    attributes: ["sf"],
    minGroupSize: 1,
    bootstrap: { samples: 200, seed: 42 },
  };
  it("is deterministic for a seed, brackets the point estimate, and records its conventions", () => {
    const a = run(fairlearnRecords, options);
    const b = run(fairlearnRecords, options);
    assert.deepEqual(a, b);
    const c = run(fairlearnRecords, { ...options, bootstrap: { samples: 200, seed: 7 } });
    assert.notDeepEqual(a.groups[0]!.ci, c.groups[0]!.ci);
    assert.deepEqual(a.conventions.bootstrap, {
      method: "poisson_percentile",
      samples: 200,
      seed: 42,
      quantiles: [0.025, 0.975],
      stratified: false,
    });
    const dpd = between(a, "demographic_parity_difference")!;
    assert.ok(dpd.ci && dpd.ci.lower !== null && dpd.ci.upper !== null);
    assert.ok(dpd.ci.lower <= dpd.value! && dpd.value! <= dpd.ci.upper, JSON.stringify(dpd));
    const sr = a.overall.ci!.selectionRate!;
    assert.ok(sr.lower! < 0.555556 && 0.555556 < sr.upper!);
    // Group a has only 4 rows and 2 positives: some replicates have no positives there → TPR undefined, counted.
    assert.ok(a.groups.find((g) => g.value === "a")!.ci!.tpr!.undefinedReplicates > 0);
  });
  it("rejects labels that are not 0/1 and warns about a reference for an unmeasured attribute", () => {
    const acc = createFairnessAccumulator({ attributes: ["sf"] });
    assert.throws(() => acc.add({ label: 2 as 0, prediction: 1, groups: {} }), /0 or 1 \(row 1\)/);
    const r = run(fairlearnRecords, { attributes: ["sf"], reference: { race: "x" } });
    assert.match(r.warnings.join(" "), /"race", which is not a measured attribute/);
  });
  it("gives no intervals without a bootstrap", () => {
    const r = run(fairlearnRecords, { attributes: ["sf"], minGroupSize: 1 });
    assert.equal(r.groups[0]!.ci, null);
    assert.equal(r.between[0]!.ci, null);
    assert.equal(r.conventions.bootstrap, null);
  });
});

describe("fairness — calibration by group and missing values", () => {
  it("bins scores per group and counts missing attribute values under __missing__", () => {
    const recs: ClassificationRecord[] = [
      { label: 1, prediction: 1, score: 0.95, groups: { g: "x" } },
      { label: 0, prediction: 1, score: 0.85, groups: { g: "x" } },
      { label: 0, prediction: 0, score: 0.05, groups: { g: "x" } },
      { label: 1, prediction: 0, score: 0.45, groups: {} },
    ];
    const r = run(recs, { attributes: ["g"], minGroupSize: 1, scoreBins: 10 });
    assert.deepEqual(r.missingGroupValues, { g: 1 });
    assert.equal(r.groups.find((g) => g.value === "__missing__")!.n, 1);
    const cal = r.groups.find((g) => g.value === "x")!.calibration!;
    assert.equal(cal.n, 3);
    // bins: [0.0,0.1): 0.05 vs 0 → 0.05; [0.8,0.9): 0.85 vs 0 → 0.85; [0.9,1.0]: 0.95 vs 1 → 0.05.
    close(cal.ece, (0.05 + 0.85 + 0.05) / 3, 12, "ece");
    close(cal.mce, 0.85, 12, "mce");
    close(cal.brier, (0.05 ** 2 + 0.85 ** 2 + 0.05 ** 2) / 3, 12, "brier");
    assert.equal(cal.bins.length, 10);
    assert.equal(cal.bins[5]!.meanScore, null);
  });
  it("skips calibration for scores that are not probabilities and says so", () => {
    const r = run([{ label: 1, prediction: 1, score: 7, groups: { g: "x" } }], {
      attributes: ["g"],
      minGroupSize: 1,
    });
    assert.equal(r.overall.calibration, null);
    assert.match(r.warnings.join(" "), /outside \[0, 1\]/);
  });
});

describe("fairness — UCI Adult label-only regression values (R7)", () => {
  // Label-only (no model): the prediction is the label, so the selection rate is the base rate.
  const measure = (completeOnly: boolean) => {
    const acc = createFairnessAccumulator({
      attributes: ["sex", "race"],
      reference: { sex: "Male", race: "White" },
    });
    for (const c of adultCells) {
      if (completeOnly && !c.complete) continue;
      const groups = { sex: c.sex, race: c.race === "White" ? "White" : "non-White" };
      for (let i = 0; i < c.n; i++)
        acc.add({ label: c.label as 0 | 1, prediction: c.label as 0 | 1, groups });
    }
    return acc.result();
  };
  const vsRef = (r: FairnessResult, metric: string, group: string) =>
    r.between.find((b) => b.metric === metric && b.group === group)!.value;
  it("all 48842 rows: sex SPD −0.194516, DI 0.359655; race SPD −0.101445, DI 0.600592", () => {
    const r = measure(false);
    assert.equal(r.rows, 48842);
    assert.equal(r.groups.find((g) => g.value === "Female")!.n, 16192);
    close(vsRef(r, "statistical_parity_difference", "Female"), -0.194516, 6, "sex spd");
    close(vsRef(r, "disparate_impact", "Female"), 0.359655, 6, "sex di");
    close(vsRef(r, "statistical_parity_difference", "non-White"), -0.101445, 6, "race spd");
    close(vsRef(r, "disparate_impact", "non-White"), 0.600592, 6, "race di");
  });
  it("45222 complete rows (AIF360 default): sex SPD −0.198901, DI 0.363470; race SPD −0.103959, DI 0.603769", () => {
    const r = measure(true);
    assert.equal(r.rows, 45222);
    close(r.overall.prevalence, 0.2478, 4, "label mean");
    close(vsRef(r, "statistical_parity_difference", "Female"), -0.198901, 6, "sex spd");
    close(vsRef(r, "disparate_impact", "Female"), 0.36347, 6, "sex di");
    close(vsRef(r, "statistical_parity_difference", "non-White"), -0.103959, 6, "race spd");
    close(vsRef(r, "disparate_impact", "non-White"), 0.603769, 6, "race di");
  });
});
