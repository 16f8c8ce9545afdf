import http from "node:http";

export interface PacedResult {
  offered: number;
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/**
 * An open-loop load: requests are due at a fixed rate (`rate` per second, evenly spaced) whatever the server is
 * doing, over at most `connections` keep-alive connections; a request that finds every connection busy waits
 * for one. Each latency counts from the moment the request was due, not from when it could be sent, so a slow
 * server cannot hide its queue (no coordinated omission). autocannon's `overallRate` is not used because it
 * sends each connection's quota for the second in a burst at the start of the second.
 */
export async function paced(
  base: string,
  paths: string[],
  opts: { connections: number; seconds: number; rate: number; headers?: Record<string, string> },
): Promise<PacedResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let next = 0;
    const finish = () => {
      if (++done === total) resolve();
    };
    const send = (i: number, due: number) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: paths[i % paths.length],
          agent,
          headers: opts.headers,
        },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            if (res.statusCode! >= 200 && res.statusCode! < 300) latencies.push(performance.now() - due);
            else non2xx++;
            finish();
          });
        },
      );
      req.on("error", () => {
        errors++;
        finish();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        send(next, start + next * interval);
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - now)));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    offered: opts.rate,
    rps: done / elapsed,
    requests: done,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
    non2xx,
    errors,
  };
}
