import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * The use-case files of a folder (`new URL(".", import.meta.url)`) that run a command, sorted: for the tests that
 * keep a folder's table of mutating use cases complete.
 */
export async function commandFilesIn(folder: URL): Promise<string[]> {
  const dir = fileURLToPath(folder);
  const writers: string[] = [];
  for (const f of await readdir(dir)) {
    if (!f.endsWith(".ts") || f.endsWith(".test.ts")) continue;
    if ((await readFile(`${dir}/${f}`, "utf8")).includes("runCommand(")) writers.push(f);
  }
  return writers.sort();
}
