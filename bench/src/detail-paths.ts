// `node --import tsx bench/src/detail-paths.ts`: what one AI system detail costs the API process by each path,
// in one process on PostgreSQL, requests one after another through Fastify's inject (no sockets, no load
// generator, no concurrency) — so the comparison does not move with whatever else runs on the machine:
//   separate  `actorFor` (credential + membership), then `getAiSystem`: two statements (the route until 2026-11-28)
//   combined  the route now: the system read along with the credential (`actorWith` + `aiSystemAlong`), one statement
// and helmet's headers built per request (@fastify/helmet) against computed once (plugins/security-headers.ts),
// each on an empty Fastify route. Rounds alternate so drift hits both sides. Uses OPENAIMS_TEST_DATABASE_URL
// (else postgres://postgres@127.0.0.1:5432/postgres); a scratch database is created and dropped.
import { loadavg } from "node:os";
import Fastify from "fastify";
import fastifyHelmet from "@fastify/helmet";
import { createTestServer, mountSeparateAiSystemDetail } from "@openaims/server/testing";
import {
  registerSecurityHeaders,
  securityHeaderOptions,
} from "../../packages/server/src/plugins/security-headers";
import { seedSystems } from "./seed";

process.env.OPENAIMS_TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const N = Number(process.env.BENCH_RUNS ?? 2000);
const ROUNDS = 3;
const out = (s = "") => process.stdout.write(`${s}\n`);

/** µs of this process's CPU and of wall time per call, over `n` sequential calls after a warm-up. */
async function perCall(n: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(300, n); i++) await call(i);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await call(i);
  const wall = ((performance.now() - t0) * 1000) / n;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / n, wall };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  out(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const server = await createTestServer({ backend: "postgres", extend: mountSeparateAiSystemDetail });
  try {
    const seeded = await seedSystems(server.database, 2000);
    const headers = { authorization: `Bearer ${seeded.token}` };
    const url = (i: number) => `/api/v1/orgs/${seeded.orgId}/ai-systems/${seeded.systemIds[i % 2000]}`;
    const get = (path: string) => async () => {
      const res = await server.app.inject({ method: "GET", url: path, headers });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return res.body;
    };
    if ((await get(url(7))()) !== (await get(`/separate${url(7)}`)())) throw new Error("the paths differ");

    const helmetApp = Fastify({ logger: false });
    await helmetApp.register(fastifyHelmet, securityHeaderOptions(false) as never);
    const onceApp = Fastify({ logger: false });
    registerSecurityHeaders(onceApp, securityHeaderOptions(false));
    for (const app of [helmetApp, onceApp]) app.get("/", async () => ({ ok: true }));
    const root = (app: typeof helmetApp) => () => app.inject({ method: "GET", url: "/" });

    const cases: [string, (i: number) => Promise<unknown>, number][] = [
      ["detail, separate (2 statements)", (i) => get(`/separate${url(i)}`)(), N],
      ["detail, combined (1 statement)", (i) => get(url(i))(), N],
      ["empty route, @fastify/helmet", root(helmetApp), 10 * N],
      ["empty route, headers computed once", root(onceApp), 10 * N],
    ];
    const results = new Map<string, { cpu: number[]; wall: number[] }>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, call, n] of cases) {
        const m = await perCall(n, call);
        const acc = results.get(name) ?? { cpu: [], wall: [] };
        acc.cpu.push(m.cpu);
        acc.wall.push(m.wall);
        results.set(name, acc);
      }
    }
    out();
    out(`| path (${ROUNDS} rounds, median) | CPU µs/request | wall µs/request | rounds: CPU µs |`);
    out("|---|---|---|---|");
    for (const [name, { cpu, wall }] of results) {
      out(
        `| ${name} | ${median(cpu).toFixed(0)} | ${median(wall).toFixed(0)} | ${cpu.map((c) => c.toFixed(0)).join(", ")} |`,
      );
    }
    out();
    out(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
