import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { evidenceDayOf, shiftDay } from "@openaims/core";
import { labelLinks } from "@openaims/app";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildMember,
  buildOrg,
  clientFor,
  type TestClient,
  type TestServer,
} from "../testing";
import { approvedSoaReferencing, evidenceServer, pdf, upload } from "./evidence-test-kit";

const today = () => evidenceDayOf(new Date());

for (const backend of testBackends()) {
  describe(`evidence API on ${backend}`, () => {
    let t: Awaited<ReturnType<typeof evidenceServer>>;
    let server: TestServer;
    before(async () => {
      t = await evidenceServer(backend, "db");
      server = t.server;
    });
    after(async () => t?.close());

    const path = (orgId: string, rest = "") => `/api/v1/orgs/${orgId}/evidence${rest}`;
    const addLink = (c: TestClient, orgId: string, body: Record<string, unknown>) =>
      c.post(path(orgId), { kind: "link", url: "https://ci.example/runs/1", title: "CI run", ...body });

    it("adds a link with links to a framework node and an AI system; refuses unsafe URLs and unknown targets", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const system = await buildAiSystem(server, org.orgId, { name: "CV screening" });
      const res = await addLink(owner, org.orgId, {
        links: [
          { type: "framework_node", id: "A.6.2.4" },
          { type: "ai_system", id: system.id },
        ],
        validUntil: shiftDay(today(), 400),
      });
      assert.equal(res.statusCode, 201, res.body);
      const item = res.json();
      assert.equal(item.kind, "link");
      assert.equal(item.file, null);
      assert.equal(item.freshness, "current");
      assert.deepEqual(
        item.links.map((l: { type: string; label: string }) => [l.type, l.label]),
        [
          ["ai_system", "CV screening"],
          ["framework_node", "A.6.2.4 AI system verification and validation"],
        ],
      );
      assert.deepEqual(item.approvedSoaVersions, []);

      for (const url of ["javascript:alert(1)", "ftp://files.example/x", "data:text/html,hi", "not a url"]) {
        const bad = await addLink(owner, org.orgId, { url });
        assert.equal(bad.statusCode, 400, url);
        assert.equal(bad.json().error.details.issues[0].path, "url");
      }
      const unknown = await addLink(owner, org.orgId, { links: [{ type: "framework_node", id: "A.99.9" }] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details.issues[0].path, "links.0");
      const wrongKind = await addLink(owner, org.orgId, { links: [{ type: "objective", id: system.id }] });
      assert.equal(wrongKind.statusCode, 400);
      const other = await buildOrg(server);
      const foreign = await buildAiSystem(server, other.orgId, { name: "Not yours" });
      const cross = await addLink(owner, org.orgId, { links: [{ type: "ai_system", id: foreign.id }] });
      assert.equal(cross.statusCode, 400, "another org's system is unknown here");
    });

    it("lists with search, kind, freshness and link filters, keyset-paged newest first", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const system = await buildAiSystem(server, org.orgId, { name: "Chatbot" });
      const stale = (
        await addLink(owner, org.orgId, { title: "Old pen test", validUntil: shiftDay(today(), -1) })
      ).json();
      const soon = (
        await addLink(owner, org.orgId, { title: "Bias report", validUntil: shiftDay(today(), 10) })
      ).json();
      const lastDay = (await addLink(owner, org.orgId, { title: "Due today", validUntil: today() })).json();
      const file = (
        await upload(owner, org.orgId, pdf("x"), {
          title: "Model card",
          link: ["framework_node:A.6.2.4", `ai_system:${system.id}`],
        })
      ).json();
      assert.equal(stale.freshness, "stale");
      assert.equal(soon.freshness, "expiring_soon");
      assert.equal(lastDay.freshness, "expiring_soon", "valid through its last day");

      const titles = async (query: string) => {
        const res = await owner.get(`${path(org.orgId)}?${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items.map((i: { title: string }) => i.title);
      };
      assert.deepEqual(await titles(""), ["Model card", "Due today", "Bias report", "Old pen test"]);
      assert.deepEqual(await titles("freshness=stale"), ["Old pen test"]);
      assert.deepEqual(await titles("freshness=expiring_soon"), ["Due today", "Bias report"]);
      assert.deepEqual(await titles("freshness=current"), ["Model card"]);
      assert.deepEqual(await titles("kind=file"), ["Model card"]);
      assert.deepEqual(await titles("q=BIAS"), ["Bias report"]);
      assert.deepEqual(await titles("q=100%25"), []);
      assert.deepEqual(await titles("frameworkNode=A.6.2.4"), ["Model card"]);
      assert.deepEqual(await titles("frameworkNode=iso-iec-42001-2023:A.6.2.4"), ["Model card"]);
      assert.deepEqual(await titles(`aiSystemId=${system.id}`), ["Model card"]);
      assert.deepEqual(await titles("frameworkNode=A.2.2"), []);

      const first = (await owner.get(`${path(org.orgId)}?limit=3`)).json();
      assert.equal(first.total, 4);
      assert.equal(first.items.length, 3);
      assert.ok(first.nextCursor);
      const second = (await owner.get(`${path(org.orgId)}?limit=3&cursor=${first.nextCursor}`)).json();
      assert.deepEqual(
        second.items.map((i: { id: string }) => i.id),
        [stale.id],
      );
      assert.equal(second.nextCursor, null);
      assert.equal((await owner.get(`${path(org.orgId)}?cursor=garbage`)).statusCode, 400);
      assert.equal(file.links.length, 2);

      await owner.post(path(org.orgId, `/${stale.id}/archive`), { version: 1 });
      assert.deepEqual(await titles("archived=true"), ["Old pen test"]);
      assert.equal((await titles("")).length, 3);
      assert.equal((await titles("archived=all")).length, 4);
    });

    it("updates metadata with optimistic versions, replaces links, archives and restores", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const item = (await addLink(owner, org.orgId, {})).json();
      const url = path(org.orgId, `/${item.id}`);
      const updated = await owner.patch(url, {
        version: 1,
        title: "CI run 42",
        validUntil: shiftDay(today(), -3),
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().version, 2);
      assert.equal(updated.json().freshness, "stale");
      const stale = await owner.patch(url, { version: 1, title: "Lost update" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const same = await owner.patch(url, { version: 2, title: "CI run 42" });
      assert.equal(same.json().version, 2, "no change, no new version");

      const linked = await owner.request({
        method: "PUT",
        url: `${url}/links`,
        payload: { version: 2, links: [{ type: "framework_node", id: "A.6.2.5" }] },
      });
      assert.equal(linked.statusCode, 200, linked.body);
      assert.equal(linked.json().version, 3);
      assert.equal(linked.json().links[0].id, "iso-iec-42001-2023:A.6.2.5");

      const archived = await owner.post(`${url}/archive`, { version: 3 });
      assert.equal(archived.statusCode, 200);
      assert.ok(archived.json().archivedAt);
      const frozen = await owner.patch(url, { version: 4, title: "Edited while archived" });
      assert.equal(frozen.statusCode, 409);
      assert.equal(frozen.json().error.code, "invalid_state");
      const restored = await owner.post(`${url}/restore`, { version: 4 });
      assert.equal(restored.json().archivedAt, null);

      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(
        types.filter((x) => x.startsWith("evidence.")),
        ["evidence.added", "evidence.updated", "evidence.linked", "evidence.archived", "evidence.restored"],
      );
      const events = await auditEventsOf(server, org.orgId);
      const linkEvent = events.find((e) => e.type === "evidence.linked")!.payload as { added: unknown[] };
      assert.deepEqual(linkEvent.added, [{ type: "framework_node", id: "iso-iec-42001-2023:A.6.2.5" }]);
    });

    it("refuses to delete evidence an approved SoA version references, naming it; archiving stays possible", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const item = (await upload(owner, org.orgId, pdf("frozen"), { title: "In SoA" })).json();
      await approvedSoaReferencing(server, org.orgId, item.id, 2);
      const detail = (await owner.get(path(org.orgId, `/${item.id}`))).json();
      assert.deepEqual(detail.approvedSoaVersions, [2]);
      const del = await owner.delete(path(org.orgId, `/${item.id}`));
      assert.equal(del.statusCode, 409);
      assert.equal(del.json().error.code, "invalid_state");
      assert.match(del.json().error.message, /approved SoA version 2\b.*only archived/);
      assert.equal((await owner.get(path(org.orgId, `/${item.id}/content`))).statusCode, 200, "file kept");
      assert.equal(
        (await owner.post(path(org.orgId, `/${item.id}/archive`), { version: 1 })).statusCode,
        200,
      );

      const free = (await addLink(owner, org.orgId, { title: "Deletable" })).json();
      assert.equal((await owner.delete(path(org.orgId, `/${free.id}`))).statusCode, 204);
      assert.equal((await owner.get(path(org.orgId, `/${free.id}`))).statusCode, 404);
      const types = await assertChainIntact(server, org.orgId);
      assert.equal(types.filter((x) => x === "evidence.deleted").length, 1);
    });

    it("gives abilities by role: contributors add and link, only archivers archive and delete, auditors read", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const item = (await addLink(owner, org.orgId, {})).json();
      const contributor = await clientFor(
        server,
        await buildMember(server, org.orgId, { role: "contributor" }),
        org.orgId,
      );
      const auditor = await clientFor(
        server,
        await buildMember(server, org.orgId, { role: "auditor" }),
        org.orgId,
      );
      const viewer = await clientFor(
        server,
        await buildMember(server, org.orgId, { role: "viewer" }),
        org.orgId,
      );

      const seen = (await contributor.get(path(org.orgId, `/${item.id}`))).json();
      assert.deepEqual(seen.abilities, {
        read: true,
        create: true,
        update: true,
        link: true,
        archive: false,
        restore: false,
        delete: false,
      });
      assert.equal((await addLink(contributor, org.orgId, {})).statusCode, 201);
      assert.equal(
        (await contributor.patch(path(org.orgId, `/${item.id}`), { version: 1, title: "Mine" })).statusCode,
        200,
      );
      assert.equal(
        (await contributor.post(path(org.orgId, `/${item.id}/archive`), { version: 2 })).statusCode,
        403,
      );
      assert.equal((await contributor.delete(path(org.orgId, `/${item.id}`))).statusCode, 403);

      for (const reader of [auditor, viewer]) {
        const list = await reader.get(path(org.orgId));
        assert.equal(list.statusCode, 200);
        assert.equal(list.json().abilities.create, false);
        assert.equal((await addLink(reader, org.orgId, {})).statusCode, 403);
        assert.equal(
          (await reader.patch(path(org.orgId, `/${item.id}`), { version: 2, title: "x" })).statusCode,
          403,
        );
        assert.equal((await reader.delete(path(org.orgId, `/${item.id}`))).statusCode, 403);
      }
    });

    it("answers 404 to another org on every evidence route and changes nothing", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const ownerA = await clientFor(server, a.owner, a.orgId);
      const ownerB = await clientFor(server, b.owner, b.orgId);
      const item = (await upload(ownerA, a.orgId, pdf("a's"), { title: "A's evidence" })).json();
      const before = (await ownerA.get(path(a.orgId, `/${item.id}`))).json();
      const calls = [
        () => ownerB.get(path(a.orgId)),
        () => addLink(ownerB, a.orgId, {}),
        () => upload(ownerB, a.orgId, pdf("planted"), { title: "Planted" }),
        () => ownerB.get(path(a.orgId, `/${item.id}`)),
        () => ownerB.get(path(b.orgId, `/${item.id}`)),
        () => ownerB.get(path(b.orgId, `/${item.id}/content`)),
        () => ownerB.patch(path(b.orgId, `/${item.id}`), { version: 1, title: "Hijacked" }),
        () =>
          ownerB.request({
            method: "PUT",
            url: path(b.orgId, `/${item.id}/links`),
            payload: { version: 1, links: [] },
          }),
        () => ownerB.post(path(b.orgId, `/${item.id}/archive`), { version: 1 }),
        () => ownerB.delete(path(b.orgId, `/${item.id}`)),
      ];
      for (const call of calls) {
        const res = await call();
        assert.equal(res.statusCode, 404, res.body);
        assert.doesNotMatch(res.body, /A's evidence/);
      }
      const afterwards = (await ownerA.get(path(a.orgId, `/${item.id}`))).json();
      assert.deepEqual(afterwards, before);
      assert.equal((await ownerB.get(path(b.orgId))).json().total, 0);
    });

    it("labels evidence as a link target by its title, only within its org", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const item = (await addLink(owner, org.orgId, { title: "Pen test 2026" })).json();
      const [mine] = await labelLinks(server.database.db, org.orgId, [{ type: "evidence", id: item.id }]);
      assert.equal(mine!.label, "Pen test 2026");
      const other = await buildOrg(server);
      const [theirs] = await labelLinks(server.database.db, other.orgId, [{ type: "evidence", id: item.id }]);
      assert.equal(theirs!.label, item.id, "not resolved in another org");
    });
  });
}

describe("evidence storage configuration", () => {
  it("uses the filesystem under the data dir on the embedded database and the database on PostgreSQL", async () => {
    const { loadConfig } = await import("../config");
    const embedded = loadConfig({ OPENAIMS_DATA_DIR: "/var/aims" });
    assert.deepEqual(embedded.evidence, {
      store: "fs",
      dir: "/var/aims/evidence",
      maxBytes: 25 * 1024 * 1024,
    });
    const pg = loadConfig({ DATABASE_URL: "postgres://db/aims" });
    assert.equal(pg.evidence.store, "db");
    const overridden = loadConfig({
      DATABASE_URL: "postgres://db/aims",
      OPENAIMS_EVIDENCE_STORE: "fs",
      OPENAIMS_EVIDENCE_DIR: "/mnt/shared/evidence",
      OPENAIMS_EVIDENCE_MAX_BYTES: "1048576",
    });
    assert.deepEqual(overridden.evidence, { store: "fs", dir: "/mnt/shared/evidence", maxBytes: 1048576 });
    assert.throws(
      () => loadConfig({ OPENAIMS_EVIDENCE_STORE: "s3" }),
      /OPENAIMS_EVIDENCE_STORE="s3": must be fs or db/,
    );
    assert.throws(() => loadConfig({ OPENAIMS_EVIDENCE_MAX_BYTES: "lots" }), /OPENAIMS_EVIDENCE_MAX_BYTES/);
  });
});
