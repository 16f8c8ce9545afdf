import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run } from "../../main";
import type { Io } from "../../io";

/** `aims` in-process, no server: measure commands are local. */
async function aims(argv: string[], cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {}, cwd };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const fixture = resolve(import.meta.dirname, "fixtures/compas-sample.csv");
const sharedCompas = resolve(import.meta.dirname, "../../../../../../shared/data/compas_for_aequitas.csv");
const dir = mkdtempSync(join(tmpdir(), "aims-measure-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (content: string, ext = "csv") => {
  const path = join(dir, `m${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};

interface Counts {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}
/**
 * Counts per value of one column, computed here by splitting lines (the Aequitas files have no quotes), not by
 * the reader or the accumulator under test.
 */
function countsBy(path: string, column: string, label: string, prediction: string): Map<string, Counts> {
  const [head, ...lines] = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const cols = head!.split(",");
  const [gi, yi, pi] = [cols.indexOf(column), cols.indexOf(label), cols.indexOf(prediction)];
  const out = new Map<string, Counts>();
  for (const line of lines) {
    const cells = line.split(",");
    const c = out.get(cells[gi]!) ?? { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    const y = Number(cells[yi]) === 1;
    const p = Number(cells[pi]) === 1;
    c.n++;
    if (y && p) c.tp++;
    else if (!y && p) c.fp++;
    else if (!y && !p) c.tn++;
    else c.fn++;
    out.set(cells[gi]!, c);
  }
  return out;
}

interface GroupJson extends Counts {
  attribute: string;
  value: string;
  selectionRate: number | null;
  isReference: boolean;
}
const groupsOf = (json: { groups: GroupJson[] }, attribute: string) =>
  new Map(
    json.groups
      .filter((g) => g.attribute === attribute)
      .map((g) => [g.value, { n: g.n, tp: g.tp, fp: g.fp, tn: g.tn, fn: g.fn }]),
  );

const compasArgs = (file: string) => [
  "measure",
  "fairness",
  "--file",
  file,
  "--label",
  "label_value",
  "--prediction",
  "score",
  "--group",
  "race",
  "--group",
  "sex",
];

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
      join(dir, "nope.csv"),
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

describe("aims measure performance", () => {
  it("computes overall and per-group counts on the COMPAS sample that match an independent count", async () => {
    const r = await aims([
      "measure",
      "performance",
      "--file",
      fixture,
      "--label",
      "label_value",
      "--prediction",
      "score",
      "--group",
      "race",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    const expected = countsBy(fixture, "race", "label_value", "score");
    assert.deepEqual(groupsOf(json, "race"), expected);
    const total = [...expected.values()].reduce((a, c) => ({
      n: a.n + c.n,
      tp: a.tp + c.tp,
      fp: a.fp + c.fp,
      tn: a.tn + c.tn,
      fn: a.fn + c.fn,
    }));
    assert.deepEqual({ n: json.n, tp: json.tp, fp: json.fp, tn: json.tn, fn: json.fn }, total);
    assert.equal(json.accuracy, (total.tp + total.tn) / total.n);
    assert.equal(json.input.rowsRead, 301);
  });

  it("needs no group; with scores it reports ROC AUC and Brier (checked by hand)", async () => {
    const csv = fileOf("y,s\n1,0.9\n0,0.8\n1,0.3\n0,0.1\n1,0.7\n");
    const r = await aims([
      "measure",
      "performance",
      "--file",
      csv,
      "--label",
      "y",
      "--score",
      "s",
      "--threshold",
      "0.5",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    // positives 0.9, 0.3, 0.7 vs negatives 0.8, 0.1: 4 of 6 pairs ranked right
    assert.equal(json.rocAuc.value, 4 / 6);
    assert.ok(Math.abs(json.brier.value - (0.01 + 0.64 + 0.49 + 0.01 + 0.09) / 5) < 1e-12);
    assert.deepEqual([json.tp, json.fp, json.tn, json.fn], [2, 1, 1, 1]);
    assert.deepEqual(json.groups, []);

    const human = await aims([
      "measure",
      "performance",
      "--file",
      csv,
      "--label",
      "y",
      "--score",
      "s",
      "--threshold",
      "0.5",
    ]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^ROC AUC: +0\.667 \(exact_rank\)$/m);
    assert.match(human.stdout, /^n: +5 \(tp 2, fp 1, tn 1, fn 1\)$/m);
  });
});

describe("aims measure drift", () => {
  const rows = (pairs: [string, number][]) => pairs.flatMap(([v, k]) => Array<string>(k).fill(v));
  const csvOf = (g: string[], x: number[]) => `g,x\n${g.map((v, i) => `${v},${x[i]}`).join("\n")}\n`;
  const nums = Array.from({ length: 10 }, (_, i) => i);

  it("reads both files, detects column kinds and finds the hand-computed PSI", async () => {
    const ref = fileOf(
      csvOf(
        rows([
          ["a", 5],
          ["b", 5],
        ]),
        nums,
      ),
    );
    const cur = fileOf(
      csvOf(
        rows([
          ["a", 7],
          ["b", 3],
        ]),
        nums,
      ),
    );
    const r = await aims(["measure", "drift", "--reference", ref, "--current", cur, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    const [g, x] = json.columns;
    assert.deepEqual([g.column, g.columnKind, x.column, x.columnKind], ["g", "categorical", "x", "numeric"]);
    const psi = (c: { tests: { metric: string; value: number }[] }) =>
      c.tests.find((t) => t.metric === "psi")!.value;
    // PSI([0.5, 0.5] → [0.7, 0.3]) = 0.2·ln(1.4) + (−0.2)·ln(0.6) = 0.169460 (measurement.md R6)
    assert.ok(Math.abs(psi(g) - (0.2 * Math.log(1.4) - 0.2 * Math.log(0.6))) < 1e-9, String(psi(g)));
    assert.equal(psi(x), 0, "identical numeric columns do not drift");
    assert.equal(json.reference.rowsRead, 10);
    assert.equal(json.current.sha256, createHash("sha256").update(readFileSync(cur)).digest("hex"));

    const human = await aims(["measure", "drift", "--reference", ref, "--current", cur, "--column", "g"]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^g +categorical +0\.169 +moderate/m);
    assert.doesNotMatch(human.stdout, /^x /m, "--column narrows the comparison");
  });

  it("fails with exit 2 on unknown columns and on text in a column numeric in the reference", async () => {
    const ref = fileOf(csvOf(["a", "b"], [1, 2]));
    const cur = fileOf("g,x\na,1\nb,lots\n");
    const unknown = await aims(["measure", "drift", "--reference", ref, "--current", cur, "--column", "y"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown column "y"\. Available columns: g, x\./);
    const text = await aims(["measure", "drift", "--reference", ref, "--current", cur]);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /1 of 2 rows are not valid/);
    assert.match(
      text.stderr,
      /^ {2}line 3: x: "lots" is not a number \(the column is numeric in the reference\)$/m,
    );
    const skipped = await aims([
      "measure",
      "drift",
      "--reference",
      ref,
      "--current",
      cur,
      "--skip-invalid",
      "--json",
    ]);
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.equal(JSON.parse(skipped.stdout).current.rowsUsed, 1);
  });
});
