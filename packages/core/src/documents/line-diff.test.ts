import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffLines, type DiffLine } from "./line-diff";

const render = (lines: DiffLine[]) =>
  lines.map((l) => `${l.op === "equal" ? " " : l.op === "add" ? "+" : "-"}${l.text}`).join("\n");

/** Rebuilding both texts from the diff proves it is a faithful edit script. */
function assertFaithful(a: string, b: string) {
  const d = diffLines(a, b);
  const old = d.lines.filter((l) => l.op !== "add").map((l) => l.text);
  const neu = d.lines.filter((l) => l.op !== "remove").map((l) => l.text);
  assert.deepEqual(old, a === "" ? [] : a.split(/\r?\n/));
  assert.deepEqual(neu, b === "" ? [] : b.split(/\r?\n/));
  return d;
}

describe("line diff", () => {
  it("marks nothing when the texts are equal", () => {
    const d = diffLines("a\nb", "a\nb");
    assert.equal(d.added, 0);
    assert.equal(d.removed, 0);
    assert.deepEqual(
      d.lines.map((l) => [l.oldNumber, l.newNumber]),
      [
        [1, 1],
        [2, 2],
      ],
    );
  });

  it("finds a changed line in the middle with line numbers on both sides", () => {
    const d = diffLines("# Policy\nold rule\nend", "# Policy\nnew rule\nend");
    assert.equal(render(d.lines), " # Policy\n-old rule\n+new rule\n end");
    assert.deepEqual(d.lines[1], { op: "remove", text: "old rule", oldNumber: 2, newNumber: null });
    assert.deepEqual(d.lines[2], { op: "add", text: "new rule", oldNumber: null, newNumber: 2 });
    assert.equal(d.added, 1);
    assert.equal(d.removed, 1);
  });

  it("finds a minimal script for insertions and deletions scattered through the text", () => {
    const d = assertFaithful("a\nb\nc\nd\ne\nf", "a\nc\nd\nx\ne\nf\ng");
    assert.equal(d.removed, 1);
    assert.equal(d.added, 2);
    assert.equal(render(d.lines), " a\n-b\n c\n d\n+x\n e\n f\n+g");
  });

  it("treats an empty text as no lines, and CRLF like LF", () => {
    assert.equal(render(diffLines("", "one\ntwo").lines), "+one\n+two");
    assert.equal(render(diffLines("one\r\ntwo", "").lines), "-one\n-two");
    assert.equal(diffLines("x\r\ny", "x\ny").added, 0);
  });

  it("stays correct on random edits", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: rnd(30) }, () => "abcde"[rnd(5)]!).join("\n");
      const b = Array.from({ length: rnd(30) }, () => "abcde"[rnd(5)]!).join("\n");
      assertFaithful(a, b);
    }
  });

  it("still answers on long, wholly different texts (removed then added beyond the search limit)", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join("\n");
    const b = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join("\n");
    const d = assertFaithful(a, b);
    assert.equal(d.removed, 3000);
    assert.equal(d.added, 3000);
  });
});
