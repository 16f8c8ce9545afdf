// Shared by the `aims measure` CLI tests: the CLI in-process, fixtures, temporary files and independent counts.
import { after } from "node:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run } from "../../main";
import type { Io } from "../../io";

/** `aims` in-process, no server: measure commands are local. */
export async function aims(argv: string[], cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {}, cwd };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export const fixture = resolve(import.meta.dirname, "fixtures/compas-sample.csv");
export const sharedCompas = resolve(
  import.meta.dirname,
  "../../../../../../shared/data/compas_for_aequitas.csv",
);
const dir = mkdtempSync(join(tmpdir(), "aims-measure-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A path in the test directory where no file is. */
export const missingPath = (name: string) => join(dir, name);
export const fileOf = (content: string, ext = "csv") => {
  const path = join(dir, `m${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};

export interface Counts {
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
export function countsBy(
  path: string,
  column: string,
  label: string,
  prediction: string,
): Map<string, Counts> {
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

export interface GroupJson extends Counts {
  attribute: string;
  value: string;
  selectionRate: number | null;
  isReference: boolean;
}
export const groupsOf = (json: { groups: GroupJson[] }, attribute: string) =>
  new Map(
    json.groups
      .filter((g) => g.attribute === attribute)
      .map((g) => [g.value, { n: g.n, tp: g.tp, fp: g.fp, tn: g.tn, fn: g.fn }]),
  );

export const compasArgs = (file: string) => [
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
