import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { aims, countsBy, fileOf, fixture, groupsOf } from "./measure-test-kit";

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
    const args = [
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
    ];
    const r = await aims([...args, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    // positives 0.9, 0.3, 0.7 vs negatives 0.8, 0.1: 4 of 6 pairs ranked right
    assert.equal(json.rocAuc.value, 4 / 6);
    assert.ok(Math.abs(json.brier.value - (0.01 + 0.64 + 0.49 + 0.01 + 0.09) / 5) < 1e-12);
    assert.deepEqual([json.tp, json.fp, json.tn, json.fn], [2, 1, 1, 1]);
    assert.deepEqual(json.groups, []);

    const human = await aims(args);
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
