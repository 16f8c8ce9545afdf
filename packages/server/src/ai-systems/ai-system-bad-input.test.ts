import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  buildOrg,
  clientFor,
  createTestServer,
  importCsv,
  orgFootprint,
  type TestClient,
  type TestServer,
} from "../testing";

const BODY_LIMIT = 64 * 1024;
const IMPORT_LIMIT = 256 * 1024;

for (const backend of testBackends()) {
  describe(`AI system bad input on ${backend}`, () => {
    let server: TestServer;
    let client: TestClient;
    let orgId: string;
    let base: string;
    let system: { id: string; version: number };

    before(async () => {
      server = await createTestServer({
        backend,
        config: { bodyLimit: BODY_LIMIT, importLimit: IMPORT_LIMIT },
      });
      const org = await buildOrg(server);
      orgId = org.orgId;
      client = await clientFor(server, org.owner, orgId);
      base = `/api/v1/orgs/${orgId}/ai-systems`;
      system = (await client.post(base, { name: "Target" })).json();
    });
    after(async () => server?.close());

    const raw = (method: "POST" | "PATCH", url: string, payload: string, type = "application/json") =>
      client.request({ method, url, headers: { "content-type": type }, payload });

    /** Sends, expects a 4xx with the standard error body, and checks that nothing was stored. */
    async function rejects(
      send: () => Promise<{ statusCode: number; body: string; json(): any }>,
      status: number,
      path?: string | RegExp,
    ) {
      const before = await orgFootprint(server, orgId);
      const res = await send();
      assert.equal(res.statusCode, status, res.body);
      const { error } = res.json();
      assert.ok(error.code && error.message, res.body);
      assert.ok(!/at \S+ \(|node_modules|select |insert /i.test(res.body), `leaks internals: ${res.body}`);
      if (path !== undefined) {
        const paths = (error.details?.issues ?? []).map((i: { path: string }) => i.path);
        assert.ok(
          paths.some((p: string) => (typeof path === "string" ? p === path : path.test(p))),
          `expected an issue at ${path}: ${res.body}`,
        );
      }
      assert.deepEqual(await orgFootprint(server, orgId), before);
      return error;
    }

    it("rejects malformed JSON and an empty or non-object body", async () => {
      await rejects(() => raw("POST", base, '{"name": "x",'), 400);
      await rejects(() => raw("POST", base, "[1,2]"), 400);
      await rejects(() => raw("POST", base, '"just a string"'), 400);
      await rejects(() => raw("POST", base, ""), 400);
      await rejects(() => raw("PATCH", `${base}/${system.id}`, "{"), 400);
      await rejects(() => raw("POST", base, "name=x", "application/x-www-form-urlencoded"), 415);
    });

    it("rejects wrong types and bad enum values, naming the field", async () => {
      await rejects(() => client.post(base, { name: 42 }), 400, "name");
      await rejects(() => client.post(base, {}), 400, "name");
      await rejects(() => client.post(base, { name: "   " }), 400, "name");
      await rejects(() => client.post(base, { name: "two\nlines" }), 400, "name");
      await rejects(() => client.post(base, { name: "x", tags: "a,b" }), 400, "tags");
      await rejects(() => client.post(base, { name: "x", tags: ["ok", 3] }), 400, "tags.1");
      await rejects(() => client.post(base, { name: "x", tags: [""] }), 400, "tags.0");
      await rejects(() => client.post(base, { name: "x", lifecycleStage: "live" }), 400, "lifecycleStage");
      await rejects(() => client.post(base, { name: "x", aiType: "ML" }), 400, "aiType");
      await rejects(() => client.post(base, { name: "x", aiRoles: ["deployer"] }), 400, "aiRoles.0");
      await rejects(() => client.post(base, { name: "x", ownerId: "bob" }), 400, "ownerId");
      await rejects(() => client.post(base, { name: "x", ownerId: 7 }), 400, "ownerId");
      const url = `${base}/${system.id}`;
      await rejects(() => client.patch(url, { name: "x" }), 400, "version");
      await rejects(() => client.patch(url, { version: "1", name: "x" }), 400, "version");
      await rejects(() => client.patch(url, { version: 0, name: "x" }), 400, "version");
      await rejects(() => client.patch(url, { version: 1.5, name: "x" }), 400, "version");
      await rejects(() => client.patch(url, { version: 1, name: null }), 400, "name");
      await rejects(() => client.patch(url, { version: 1, lifecycleStage: "done" }), 400, "lifecycleStage");
      await rejects(() => client.post(`${url}/archive`, {}), 400, "version");
      await rejects(() => client.post(`${url}/archive`, { version: -1 }), 400, "version");
    });

    it("rejects unknown fields, including ones that only exist on the view", async () => {
      const e = await rejects(() => client.post(base, { name: "x", colour: "red" }), 400);
      assert.match(e.message, /colour/);
      await rejects(() => client.post(base, { name: "x", id: system.id }), 400);
      await rejects(() => client.post(base, { name: "x", orgId }), 400);
      await rejects(() => client.patch(`${base}/${system.id}`, { version: 1, archivedAt: null }), 400);
      await rejects(() => client.patch(`${base}/${system.id}`, { version: 1, abilities: {} }), 400);
      await rejects(() => client.post(`${base}/${system.id}/archive`, { version: 1, reason: "x" }), 400);
      await rejects(() => raw("POST", base, '{"name":"x","__proto__":{"admin":true}}'), 400);
    });

    it("rejects NUL characters in bodies, query strings and CSV cells", async () => {
      await rejects(() => raw("POST", base, '{"name":"a\\u0000b"}'), 400, "name");
      await rejects(() => raw("POST", base, '{"name":"x","tags":["a\\u0000"]}'), 400);
      await rejects(() => client.patch(`${base}/${system.id}`, { version: 1, purpose: "\u0000" }), 400);
      await rejects(() => client.get(`${base}?q=a%00b`), 400, "querystring.q");
      await rejects(() => client.get(`${base}?tag=%00`), 400, "querystring.tag");
      await rejects(() => client.get(`${base}/export?q=%00`), 400, "querystring.q");
      const e = await rejects(() => importCsv(client, orgId, "name,purpose\nok,fine\nbad,a\u0000b\n"), 400);
      assert.deepEqual(e.details.errors, [
        { line: 3, issues: [{ path: "purpose", message: "contains a NUL character" }] },
      ]);
    });

    it("rejects text over the field limits", async () => {
      await rejects(() => client.post(base, { name: "n".repeat(201) }), 400, "name");
      await rejects(() => client.post(base, { name: "x", purpose: "p".repeat(4001) }), 400, "purpose");
      await rejects(
        () => client.post(base, { name: "x", tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
        400,
        "tags",
      );
      await rejects(() => client.post(base, { name: "x", tags: ["t".repeat(51)] }), 400, "tags.0");
      await rejects(() => client.get(`${base}?q=${"q".repeat(201)}`), 400, "querystring.q");
    });

    it("answers 413 for an oversize JSON body or CSV file", async () => {
      const big = JSON.stringify({ name: "x", description: "d".repeat(BODY_LIMIT) });
      const e = await rejects(() => raw("POST", base, big), 413);
      assert.equal(e.code, "payload_too_large");
      const csv = "name,description\n" + `x,${"d".repeat(IMPORT_LIMIT)}\n`;
      const e2 = await rejects(() => importCsv(client, orgId, csv), 413);
      assert.equal(e2.code, "payload_too_large");
    });

    it("names the CSV row and column of a cell over its limit", async () => {
      const e = await rejects(() => importCsv(client, orgId, `name,tags\nok,a\n${"n".repeat(201)},b\n`), 400);
      assert.deepEqual(
        e.details.errors.map((r: { line: number }) => r.line),
        [3],
      );
      assert.equal(e.details.errors[0].issues[0].path, "name");
    });
  });
}
