import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon against `path(i)` (i = request number) with `connections` connections for `seconds`. */
export async function load(
  base: string,
  paths: string[],
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    requests: [
      {
        setupRequest: ((req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length] })) as never,
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
