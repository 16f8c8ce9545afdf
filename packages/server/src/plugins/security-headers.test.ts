import { describe, it } from "node:test";
import assert from "node:assert/strict";
import Fastify from "fastify";
import fastifyHelmet from "@fastify/helmet";
import { registerSecurityHeaders, securityHeaderOptions } from "./security-headers";

// The headers computed once at start-up must be exactly what @fastify/helmet (helmet's middleware rebuilt on
// every request) sets for the same options — on a plain route and on one that overrides a header itself.
async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void> | void) {
  const app = Fastify({ logger: false });
  await register(app);
  app.get("/plain", async () => ({ ok: true }));
  app.get("/own", async (_request, reply) =>
    reply.header("content-security-policy", "sandbox").header("x-content-type-options", "nosniff").send("x"),
  );
  app.post("/fail", async () => {
    throw new Error("boom");
  });
  await app.ready();
  const out: Record<string, unknown>[] = [];
  for (const [method, url] of [
    ["GET", "/plain"],
    ["GET", "/own"],
    ["POST", "/fail"],
    ["GET", "/missing"],
  ] as const) {
    const res = await app.inject({ method, url });
    const { date: _date, ...headers } = res.headers;
    out.push({ status: res.statusCode, headers });
  }
  await app.close();
  return out;
}

describe("security headers", () => {
  for (const cookieSecure of [false, true]) {
    it(`are @fastify/helmet's, header for header (secure cookies: ${cookieSecure})`, async () => {
      const options = securityHeaderOptions(cookieSecure);
      const expected = await headersOf((app) => app.register(fastifyHelmet, options));
      const actual = await headersOf((app) => registerSecurityHeaders(app, options));
      assert.deepEqual(actual, expected);
      const plain = expected[0]!.headers as Record<string, string>;
      assert.match(plain["content-security-policy"]!, /default-src 'self'/);
      assert.equal(plain["strict-transport-security"] !== undefined, cookieSecure);
      assert.equal((expected[1]!.headers as Record<string, string>)["content-security-policy"], "sandbox");
    });
  }
});
