import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { runCli } from "../testing/cli-harness";

/** A stand-in server that answers every request with the status and body the test asks for. */
describe("how server answers become exit codes", () => {
  let server: Server;
  let url: string;
  let next: { status: number; body: string; type?: string } = { status: 200, body: "{}" };
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(next.status, { "content-type": next.type ?? "application/json" });
      res.end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const list = () =>
    runCli(["systems", "list"], {
      env: { OPENAIMS_URL: url, OPENAIMS_TOKEN: "oa_x", OPENAIMS_ORG: crypto.randomUUID() },
    });
  const error = (code: string, message: string, details?: unknown) =>
    JSON.stringify({ error: { code, message, details } });

  const cases: [number, string, number, RegExp][] = [
    [
      400,
      error("invalid_input", "Invalid querystring.", {
        issues: [{ path: "querystring.limit", message: "too big" }],
      }),
      2,
      /^error: Invalid querystring\.\n {2}querystring\.limit: too big\n$/,
    ],
    [
      401,
      error("unauthenticated", "The API token is not valid, expired or revoked."),
      3,
      /^error: The API token is not valid, expired or revoked\. Sign in again with 'aims login/,
    ],
    [
      403,
      error("forbidden", "You are not allowed to do this."),
      3,
      /^error: You are not allowed to do this\.\n$/,
    ],
    [404, error("not_found", "Organization was not found."), 4, /^error: Organization was not found\.\n$/],
    [409, error("conflict", "Changed by someone else."), 5, /^error: Changed by someone else\.\n$/],
    [413, error("payload_too_large", "The request body is too large."), 2, /too large/],
    [429, error("rate_limited", "Too many requests; try again in 30 s."), 7, /^error: Too many requests/],
    [500, error("internal", "Something went wrong on our side (request r1)."), 1, /request r1/],
    [503, error("unavailable", "The database is not reachable right now."), 6, /not reachable/],
  ];
  for (const [status, body, exit, stderr] of cases) {
    it(`exits ${exit} on HTTP ${status}, printing the server's message`, async () => {
      next = { status, body };
      const r = await list();
      assert.equal(r.code, exit);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, stderr);
    });
  }

  it("names the status when a proxy answers with a page instead of our JSON error", async () => {
    next = { status: 502, body: "<html>Bad Gateway</html>", type: "text/html" };
    const r = await list();
    assert.equal(r.code, 6);
    assert.match(r.stderr, new RegExp(`^error: The server at ${url} answered 502 Bad Gateway\\.`));
  });

  it("exits 1 when a 200 answer is not JSON", async () => {
    next = { status: 200, body: "<html>login page</html>", type: "text/html" };
    const r = await list();
    assert.equal(r.code, 1);
    assert.match(r.stderr, /did not answer with JSON/);
  });
});
