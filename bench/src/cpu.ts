// CPU time per request, next to throughput. On a machine shared with other work, req/s of each route moves
// with the load (the same route measured 3–5× apart within an hour); the CPU a request costs the server
// process, the database backends and the load generator moves much less. Where everything competes for the
// same cores, throughput is bounded by the total CPU per request, so bare total / API total is an estimate
// of the throughput ratio that does not depend on what else ran at the time.
import { readFileSync } from "node:fs";
import type pg from "pg";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process in ms, or 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

export interface CpuPerRequest {
  /** µs of CPU per request: the server process, the database's backends, this process (autocannon) */
  server: number;
  database: number;
  loadGenerator: number;
  total: number;
}

/** Measures `run` (which reports how many requests it made) on the server `pid` and the database `dbName`. */
export async function withCpu<R extends { requests: number }>(
  pool: pg.Pool,
  dbName: string,
  pid: number,
  run: () => Promise<R>,
): Promise<R & { cpu: CpuPerRequest }> {
  const backends = async () =>
    (
      await pool.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [dbName],
      )
    ).rows.map((r) => r.pid);
  const before = new Map((await backends()).map((p) => [p, cpuMsOf(p)]));
  const server0 = cpuMsOf(pid);
  const self0 = process.cpuUsage();
  const result = await run();
  const self = process.cpuUsage(self0);
  const server = cpuMsOf(pid) - server0;
  let database = 0;
  for (const p of new Set([...before.keys(), ...(await backends())])) {
    database += Math.max(0, cpuMsOf(p) - (before.get(p) ?? 0));
  }
  const per = (ms: number) => (1000 * ms) / Math.max(1, result.requests);
  const cpu = {
    server: per(server),
    database: per(database),
    loadGenerator: per((self.user + self.system) / 1000),
    total: 0,
  };
  cpu.total = cpu.server + cpu.database + cpu.loadGenerator;
  return { ...result, cpu };
}
