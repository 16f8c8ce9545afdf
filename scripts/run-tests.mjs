#!/usr/bin/env node
// Runs every *.test.ts under packages/ with node:test (through tsx). Extra args are passed to node --test.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages"];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.tsx?$/.test(name)) files.push(p);
  }
};
roots.forEach(walk);
const filter = process.env.TEST_FILTER;
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) {
  console.error("No test files found.");
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? "2";
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...selected.sort()],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } },
);
process.exit(r.status ?? 1);
