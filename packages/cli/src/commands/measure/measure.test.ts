import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  aims,
  compasArgs,
  countsBy,
  fileOf,
  fixture,
  groupsOf,
  missingPath,
  sharedCompas,
  type GroupJson,
} from "./measure-test-kit";

describe("aims measure fairness", () => {
  it("computes per-group counts on the committed COMPAS sample that match an independent count", async () => {
    const r = await aims([...compasArgs(fixture), "--reference", "race=Caucasian", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(groupsOf(json, "race"), countsBy(fixture, "race", "label_value", "score"));
    assert.deepEqual(groupsOf(json, "sex"), countsBy(fixture, "sex", "label_value", "score"));
    const cau = json.groups.find((g: GroupJson) => g.attribute === "race" && g.value === "Caucasian");
    assert.equal(cau.isReference, true);
    assert.equal(cau.selectionRate, (cau.tp + cau.fp) / cau.n);
    assert.ok(json.between.length > 0, "between-group metrics are listed");
    assert.ok(json.between.every((m: { definitionVersion: string }) => m.definitionVersion.includes("@")));
    assert.equal(json.input.rowsRead, 301);
    assert.equal(json.input.rowsUsed, 301);
    assert.equal(json.input.sha256, createHash("sha256").update(readFileSync(fixture)).digest("hex"));
    assert.deepEqual(json.input.missingValues, { label_value: 0, score: 0, race: 0, sex: 0 });
    assert.equal(r.stderr, "", "a clean file prints no warnings");
  });

  it("prints a readable table per attribute", async () => {
    const r = await aims([...compasArgs(fixture), "--reference", "race=Caucasian"]);
    assert.equal(r.code, 0, r.stderr);
    const african = countsBy(fixture, "race", "label_value", "score").get("African-American")!;
    assert.match(r.stdout, /^rows: +301 read, 301 used, 0 without label\/prediction, 0 invalid$/m);
    assert.match(r.stdout, /^race$/m);
    assert.match(r.stdout, /^group +n +tp +fp +tn +fn +prev +sel\.rate +TPR +FPR +precision +accuracy$/m);
    assert.match(
      r.stdout,
      new RegExp(
        `^African-American +${african.n} +${african.tp} +${african.fp} +${african.tn} +${african.fn} `,
        "m",
      ),
    );
    assert.match(r.stdout, /^Caucasian .* reference$/m);
    assert.match(r.stdout, /^Asian .* small group$/m);
    assert.match(r.stdout, /US employment-law rule of thumb/);
  });

  it("maps categorical values, thresholds scores and reads JSON Lines", async () => {
    const jsonl = fileOf(
      [
        { outcome: "yes", p: 0.9, region: "north" },
        { outcome: "no", p: 0.7, region: "north" },
        { outcome: "no", p: 0.2, region: "south" },
        { outcome: "yes", p: 0.1, region: "south" },
        { outcome: "yes", p: null, region: "south" },
      ]
        .map((o) => JSON.stringify(o))
        .join("\n"),
      "jsonl",
    );
    const r = await aims([
      "measure",
      "fairness",
      "--file",
      jsonl,
      "--label",
      "outcome",
      "--label-positive",
      "yes",
      "--label-negative",
      "no",
      "--score",
      "p",
      "--threshold",
      "0.5",
      "--group",
      "region",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      groupsOf(json, "region"),
      new Map([
        ["north", { n: 2, tp: 1, fp: 1, tn: 0, fn: 0 }],
        ["south", { n: 2, tp: 0, fp: 0, tn: 1, fn: 1 }],
      ]),
    );
    assert.equal(json.input.format, "jsonl");
    assert.deepEqual(json.input.mapping.prediction, {
      scoreColumn: "p",
      threshold: 0.5,
      rule: "score >= threshold",
    });
    assert.equal(json.input.missingValues.p, 1);
    assert.equal(json.input.rowsMissingOutcome, 1);
    assert.match(
      r.stderr,
      /^warning: Missing values .*: p 1\. 1 rows without a label or prediction were left out\./m,
    );
  });

  it("handles BOM, CRLF, quoted fields, NA values and duplicate headers in one file", async () => {
    const csv = fileOf(
      "\uFEFFy,p,g,g\r\n" + '1,1,"a, b",x\r\n' + "0,NA,a,x\r\n" + "1,0,,x\r\n" + '0,1,"a, b",x\r\n',
    );
    const r = await aims([
      "measure",
      "fairness",
      "--file",
      csv,
      "--label",
      "y",
      "--prediction",
      "p",
      "--group",
      "g",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(groupsOf(json, "g").get("a, b"), { n: 2, tp: 1, fp: 1, tn: 0, fn: 0 });
    assert.deepEqual(json.input.missingValues, { y: 0, p: 1, g: 1 });
    assert.deepEqual(json.input.duplicateColumns, [{ name: "g", positions: [3, 4] }]);
    assert.match(
      r.stderr,
      /^warning: Duplicate column names: g \(columns 3, 4\)\. The first occurrence of each is used\.$/m,
    );
    assert.match(r.stderr, /^warning: Missing values \(empty or NA\/.*\): p 1, g 1\./m);
  });

  it("fails with exit 2 listing bad lines; --skip-invalid measures the rest", async () => {
    const csv = fileOf("y,p,g\n1,1,a\n1,0\n0,maybe,b\n0,0,b\n1,1,b,extra\n");
    const args = ["measure", "fairness", "--file", csv, "--label", "y", "--prediction", "p", "--group", "g"];
    const r = await aims(args);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error: .*m\d+\.csv: 3 of 5 rows are not valid; nothing was measured\./m);
    assert.match(r.stderr, /^ {2}line 3: has 2 fields but the header has 3$/m);
    assert.match(
      r.stderr,
      /^ {2}line 4: p: prediction value "maybe" is outside the mapping \(expected 1\/0/m,
    );
    assert.match(r.stderr, /^ {2}line 6: has 4 fields but the header has 3$/m);

    const json = await aims([...args, "--json"]);
    assert.equal(json.code, 2);
    assert.deepEqual(
      JSON.parse(json.stdout).input.issues.map((i: { line: number }) => i.line),
      [3, 4, 6],
    );

    const skipped = await aims([...args, "--skip-invalid", "--json"]);
    assert.equal(skipped.code, 0, skipped.stderr);
    const result = JSON.parse(skipped.stdout);
    assert.equal(result.input.rowsUsed, 2);
    assert.equal(result.input.rowsInvalid, 3);
    assert.equal(result.overall.n, 2);
    assert.match(skipped.stderr, /^warning: 3 invalid rows were skipped \(--skip-invalid\)\.$/m);
    assert.match(skipped.stderr, /^ {2}line 4: p: /m);
  });

  it("rejects unknown columns, listing the available ones (exit 2)", async () => {
    const r = await aims([...compasArgs(fixture), "--group", "Age_cat"]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^error: .*compas-sample\.csv: Unknown column "Age_cat"\. Available columns: entity_id, score, label_value, race, sex, age_cat\.$/m,
    );
    assert.match(r.stderr, /^ {2}Age_cat: no such column \(did you mean "age_cat"\?\)$/m);
  });

  it("rejects bad arguments with exit 2", async () => {
    const both = await aims([...compasArgs(fixture), "--score", "score", "--threshold", "0.5"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^ {2}--prediction: give either a prediction column or a score column/m);
    const threshold = await aims([
      ...compasArgs(fixture).slice(0, 6),
      "--score",
      "score",
      "--threshold",
      "high",
      "--group",
      "race",
    ]);
    assert.equal(threshold.code, 2);
    assert.match(threshold.stderr, /--threshold must be a number, not "high"/);
    const missing = await aims([
      "measure",
      "fairness",
      "--file",
      missingPath("nope.csv"),
      "--label",
      "y",
      "--prediction",
      "p",
      "--group",
      "g",
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.csv: ENOENT/);
    const ref = await aims([...compasArgs(fixture), "--reference", "Hispnic"]);
    assert.equal(ref.code, 2);
    assert.match(ref.stderr, /--reference race=Hispnic: no row has this value\. Values of race: .*Hispanic/);
    const noGroup = await aims([
      "measure",
      "fairness",
      "--file",
      fixture,
      "--label",
      "label_value",
      "--prediction",
      "score",
    ]);
    assert.equal(noGroup.code, 2);
    assert.match(noGroup.stderr, /^ {2}--group: give at least one sensitive-attribute \(group\) column$/m);
  });

  it("matches an independent count on the full Aequitas COMPAS file (../shared/data)", async (t) => {
    if (!existsSync(sharedCompas)) {
      t.skip(`${sharedCompas} is absent (the shared data folder is not next to the repository)`);
      return;
    }
    const r = await aims([
      ...compasArgs(sharedCompas),
      "--group",
      "age_cat",
      "--reference",
      "race=Caucasian",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    for (const attribute of ["race", "sex", "age_cat"]) {
      assert.deepEqual(
        groupsOf(json, attribute),
        countsBy(sharedCompas, attribute, "label_value", "score"),
        attribute,
      );
    }
    assert.equal(json.input.rowsRead, 7214);
    assert.equal(json.input.sha256, "91e245a5d267e082daf500443c4672a5cb00e089974d53527929fba0ab030580");
  });
});

describe("aims measure fairness on ProPublica's COMPAS file (../shared/data)", () => {
  const propublica = resolve(sharedCompas, "../compas-scores-two-years.csv");
  it("warns about its duplicate columns and gives the same counts as the Aequitas extract", async (t) => {
    if (!existsSync(propublica) || !existsSync(sharedCompas)) {
      t.skip(`${propublica} is absent (the shared data folder is not next to the repository)`);
      return;
    }
    // score_text != "Low" is the Aequitas extract's score; two_year_recid its label_value (row by row)
    const r = await aims([
      "measure",
      "fairness",
      "--file",
      propublica,
      "--label",
      "two_year_recid",
      "--prediction",
      "score_text",
      "--positive",
      "Medium,High",
      "--negative",
      "Low",
      "--group",
      "race",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^warning: Duplicate column names: decile_score \(columns 12, 40\); priors_count \(columns 15, 49\)\. The first occurrence of each is used\.$/m,
    );
    const json = JSON.parse(r.stdout);
    assert.deepEqual(groupsOf(json, "race"), countsBy(sharedCompas, "race", "label_value", "score"));
    assert.equal(json.input.rowsRead, 7214);
    assert.equal(json.input.sha256, "c451db85908b2f7fef1d83203bedf6b71ecda0d5af468d82ae62178f91d0cc7d");
  });
});
