import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildMember,
  buildOrg,
  clientFor,
  sessionFor,
  type TestServer,
} from "../testing";
import { evidenceServer, pdf, upload } from "./evidence-test-kit";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const LIMIT = 64 * 1024;

for (const backend of testBackends()) {
  for (const store of ["fs", "db"] as const) {
    describe(`evidence files on ${backend} with the ${store} store`, () => {
      let t: Awaited<ReturnType<typeof evidenceServer>>;
      let server: TestServer;
      before(async () => {
        t = await evidenceServer(backend, store, LIMIT);
        server = t.server;
      });
      after(async () => t?.close());

      const blobCount = async () =>
        store === "fs"
          ? (await readdir(join(t.dir, "sha256"), { recursive: true })).filter((p) => /[0-9a-f]{64}$/.test(p))
              .length
          : (await server.database.db.select().from(tables.evidenceBlobs)).length;

      it("round-trips a file: upload, metadata with the sniffed type, download with safe headers", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const bytes = pdf("risk assessment ✓");
        const res = await upload(owner, org.orgId, bytes, {
          filename: "Risikobewertung März.pdf",
          validUntil: "2099-12-31",
          link: "framework_node:A.6.2.4",
        });
        assert.equal(res.statusCode, 201, res.body);
        const item = res.json();
        assert.equal(item.kind, "file");
        assert.equal(item.title, "Risikobewertung März.pdf", "title defaults to the file name");
        assert.deepEqual(item.file, {
          sha256: sha(bytes),
          size: bytes.length,
          mediaType: "application/pdf",
          filename: "Risikobewertung März.pdf",
        });
        assert.equal(item.source, "api");
        assert.equal(item.freshness, "current");
        assert.deepEqual(
          item.links.map((l: { type: string; id: string; label: string }) => [l.type, l.id]),
          [["framework_node", "iso-iec-42001-2023:A.6.2.4"]],
        );

        const dl = await owner.get(`/api/v1/orgs/${org.orgId}/evidence/${item.id}/content`);
        assert.equal(dl.statusCode, 200);
        assert.ok(dl.rawPayload.equals(bytes), "same bytes back");
        assert.equal(sha(dl.rawPayload), item.file.sha256);
        assert.equal(dl.headers["content-type"], "application/pdf");
        assert.equal(dl.headers["content-length"], String(bytes.length));
        assert.equal(
          dl.headers["content-disposition"],
          `attachment; filename="Risikobewertung M_rz.pdf"; filename*=UTF-8''Risikobewertung%20M%C3%A4rz.pdf`,
        );
        assert.equal(dl.headers["x-content-type-options"], "nosniff");
        assert.equal(dl.headers["content-security-policy"], "sandbox");
        assert.equal(dl.headers.etag, `"${sha(bytes)}"`);
        const again = await owner.request({
          method: "GET",
          url: `/api/v1/orgs/${org.orgId}/evidence/${item.id}/content`,
          headers: { "if-none-match": `"${sha(bytes)}"` },
        });
        assert.equal(again.statusCode, 304);
      });

      it("stores the sniffed type, not the claimed one, and never serves HTML as a page", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const html = Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>");
        const res = await upload(
          owner,
          org.orgId,
          html,
          { filename: "report.pdf", title: "Report" },
          {
            "content-type": "application/pdf",
          },
        );
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().file.mediaType, "text/html");
        const dl = await owner.get(`/api/v1/orgs/${org.orgId}/evidence/${res.json().id}/content`);
        assert.equal(dl.headers["content-type"], "application/octet-stream");
        assert.match(String(dl.headers["content-disposition"]), /^attachment;/);
        assert.equal(dl.headers["content-security-policy"], "sandbox");
      });

      it("stores identical content once and removes the blob with its last item", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const other = await buildOrg(server);
        const otherOwner = await clientFor(server, other.owner, other.orgId);
        const before = await blobCount();
        const bytes = pdf(`shared ${org.orgId}`);
        const a = (await upload(owner, org.orgId, bytes, { title: "A" })).json();
        const b = (await upload(otherOwner, other.orgId, bytes, { title: "B" })).json();
        assert.equal(a.file.sha256, b.file.sha256);
        assert.equal(await blobCount(), before + 1, "one blob for two items");
        assert.equal((await owner.delete(`/api/v1/orgs/${org.orgId}/evidence/${a.id}`)).statusCode, 204);
        assert.equal(await blobCount(), before + 1, "still named by the other org's item");
        const dl = await otherOwner.get(`/api/v1/orgs/${other.orgId}/evidence/${b.id}/content`);
        assert.ok(dl.rawPayload.equals(bytes));
        assert.equal(
          (await otherOwner.delete(`/api/v1/orgs/${other.orgId}/evidence/${b.id}`)).statusCode,
          204,
        );
        assert.equal(await blobCount(), before, "the last reference took the blob with it");
      });

      it("refuses a file over the limit with 413 and stores nothing", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const before = await blobCount();
        const big = Buffer.alloc(LIMIT + 1, 0x41);
        const res = await upload(owner, org.orgId, big, { title: "Too big" });
        assert.equal(res.statusCode, 413, res.body);
        assert.equal(res.json().error.code, "payload_too_large");
        assert.match(res.json().error.message, /larger than the limit of 64 KiB .*nothing was stored/);
        // without a Content-Length the stream itself is cut off at the limit
        const streamed = await owner.request({
          method: "POST",
          url: `/api/v1/orgs/${org.orgId}/evidence/upload?title=Streamed`,
          headers: { "content-type": "application/octet-stream", "transfer-encoding": "chunked" },
          payload: Readable.from(
            (function* () {
              for (let i = 0; i < 5; i++) yield Buffer.alloc(LIMIT / 2, 0x42);
            })(),
          ),
        });
        assert.equal(streamed.statusCode, 413, streamed.body);
        assert.equal(await blobCount(), before, "no blob");
        if (store === "fs")
          assert.deepEqual(await readdir(join(t.dir, "tmp")).catch(() => []), [], "no temp file");
        else {
          const rows = await server.database.db.select().from(tables.evidenceBlobs);
          assert.ok(
            rows.every((r) => !r.key.startsWith("tmp:")),
            "no temporary parts",
          );
        }
        const rows = await server.database.db
          .select()
          .from(tables.evidence)
          .where(eq(tables.evidence.orgId, org.orgId));
        assert.equal(rows.length, 0, "no evidence row");
        const types = await assertChainIntact(server, org.orgId);
        assert.ok(!types.some((x) => x.startsWith("evidence.")), "no evidence event");
      });

      it("refuses programs and empty files", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
        const res = await upload(owner, org.orgId, exe, { filename: "notes.txt" });
        assert.equal(res.statusCode, 400);
        assert.match(res.json().error.message, /Windows executable/);
        const empty = await upload(owner, org.orgId, Buffer.alloc(0), { title: "Empty" });
        assert.equal(empty.statusCode, 400);
        assert.match(empty.json().error.message, /empty/);
        const noTitle = await upload(owner, org.orgId, pdf("x"));
        assert.equal(noTitle.statusCode, 400);
        assert.equal(noTitle.json().error.details.issues[0].path, "title");
      });

      it("records the source: manual for a session (with CSRF), cli with the CLI header, api for tokens", async () => {
        const org = await buildOrg(server);
        const session = await sessionFor(server, org.owner);
        const refused = await upload(session.withoutCsrf, org.orgId, pdf("a"), { title: "No CSRF" });
        assert.equal(refused.statusCode, 403, "cookie uploads need the CSRF header");
        const manual = await upload(session.client, org.orgId, pdf("b"), { title: "Web" });
        assert.equal(manual.json().source, "manual");
        const token = await clientFor(server, org.owner, org.orgId);
        const cli = await upload(
          token,
          org.orgId,
          pdf("c"),
          { title: "CLI" },
          { "x-openaims-client": "cli" },
        );
        assert.equal(cli.json().source, "cli");
      });

      it("hides another org's file (404) and lets read-only roles download but not upload", async () => {
        const a = await buildOrg(server);
        const b = await buildOrg(server);
        const ownerA = await clientFor(server, a.owner, a.orgId);
        const ownerB = await clientFor(server, b.owner, b.orgId);
        const item = (await upload(ownerA, a.orgId, pdf("secret"), { title: "Secret" })).json();
        for (const url of [
          `/api/v1/orgs/${b.orgId}/evidence/${item.id}/content`,
          `/api/v1/orgs/${a.orgId}/evidence/${item.id}/content`,
        ]) {
          const res = await ownerB.get(url);
          assert.equal(res.statusCode, 404, url);
          assert.doesNotMatch(res.body, /secret/);
        }
        const auditor = await clientFor(
          server,
          await buildMember(server, a.orgId, { role: "auditor" }),
          a.orgId,
        );
        assert.equal(
          (await auditor.get(`/api/v1/orgs/${a.orgId}/evidence/${item.id}/content`)).statusCode,
          200,
        );
        assert.equal((await upload(auditor, a.orgId, pdf("x"), { title: "No" })).statusCode, 403);
        const viewer = await clientFor(
          server,
          await buildMember(server, a.orgId, { role: "viewer" }),
          a.orgId,
        );
        assert.equal((await upload(viewer, a.orgId, pdf("y"), { title: "No" })).statusCode, 403);
      });

      it("writes evidence.added with the hash and no content, and the chain verifies", async () => {
        const org = await buildOrg(server);
        const owner = await clientFor(server, org.owner, org.orgId);
        const bytes = Buffer.from("accuracy,0.93\nrecall,0.88\n");
        const item = (await upload(owner, org.orgId, bytes, { title: "Metrics", filename: "m.csv" })).json();
        const events = await auditEventsOf(server, org.orgId);
        const added = events.find((e) => e.type === "evidence.added");
        assert.ok(added);
        assert.equal(added.entityId, item.id);
        const payload = added.payload as Record<string, unknown>;
        assert.equal(payload.sha256, sha(bytes));
        assert.equal(payload.mediaType, "text/csv");
        assert.doesNotMatch(JSON.stringify(payload), /accuracy/, "no file content in the audit trail");
        await assertChainIntact(server, org.orgId);
        if (store === "fs") assert.ok(existsSync(join(t.dir, "sha256", item.file.sha256.slice(0, 2))));
      });
    });
  }
}
