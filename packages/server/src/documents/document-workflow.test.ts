import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { addMonths, isoDate } from "@openaims/core";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`document workflow on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const { client: lead, ...leadMember } = await member("governance_lead");
      const { client: contributor, ...contributorMember } = await member("contributor");
      return { org, owner, lead, leadMember, contributor, contributorMember, base: `${base}/documents` };
    }
    const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
      const res = await p;
      assert.equal(res.statusCode, status, res.body);
      return res.json();
    };
    const act = (c: TestClient, base: string, id: string, action: string, body: Record<string, unknown>) =>
      c.post(`${base}/${id}/${action}`, body);

    it("creates a document with version 1 as a draft owned and written by the caller", async () => {
      const { org, owner, base } = await setup();
      const d = await ok(owner.post(base, { title: " Data policy ", kind: "policy", body: "# Data\n" }), 201);
      assert.equal(d.title, "Data policy");
      assert.equal(d.status, "draft");
      assert.equal(d.latestVersion, 1);
      assert.equal(d.publishedVersion, null);
      assert.equal(d.reviewStatus, null);
      assert.equal(d.ownerId, org.owner.userId);
      assert.equal(d.reviewIntervalMonths, 12);
      assert.equal(d.latest.body, "# Data\n");
      assert.equal(d.latest.author.id, org.owner.userId);
      assert.equal(d.current, null);
      assert.equal(d.abilities.submit, true);
      assert.equal(d.abilities.approve, false);
      assert.deepEqual(await ok(owner.get(`${base}/${d.id}`)), d);
    });

    it("runs draft → review → approval → publication with four-eyes, then revises and supersedes", async () => {
      const { org, owner, lead, contributor, leadMember, contributorMember, base } = await setup();
      const d = await ok(
        contributor.post(base, { title: "AI policy", kind: "policy", body: "v1 text" }),
        201,
      );
      let doc = await ok(
        contributor.patch(`${base}/${d.id}/versions/1`, { version: 1, body: "v1 text\nmore" }),
      );
      assert.equal(doc.version, 2);
      doc = await ok(act(contributor, base, d.id, "submit", { version: 2 }));
      assert.equal(doc.status, "in_review");
      assert.equal(doc.abilities.editDraft, false);

      // a contributor never approves; the author cannot either, even as owner of the document
      const denied = await act(contributor, base, d.id, "approve", { version: 3 });
      assert.equal(denied.statusCode, 403);
      // the owner of the org edits nothing, so may approve; but first: an owner who authored a version may not
      const ownDraft = await ok(owner.post(base, { title: "Owner's", kind: "plan", body: "x" }), 201);
      await ok(act(owner, base, ownDraft.id, "submit", { version: 1 }));
      const own = await act(owner, base, ownDraft.id, "approve", { version: 2 });
      assert.equal(own.statusCode, 403, own.body);
      assert.equal(own.json().error.code, "forbidden");
      assert.equal(own.json().error.details.rule, "four_eyes");
      assert.equal((await ok(owner.get(`${base}/${ownDraft.id}`))).abilities.approve, false);

      // another governance lead approves
      const seen = await ok(lead.get(`${base}/${d.id}`));
      assert.equal(seen.abilities.approve, true);
      doc = await ok(act(lead, base, d.id, "approve", { version: 3, comment: "Fine" }));
      assert.equal(doc.status, "approved");
      assert.equal(doc.versions[0].approvedBy.id, leadMember.userId);
      doc = await ok(act(lead, base, d.id, "publish", { version: 4 }));
      const today = isoDate(new Date());
      assert.equal(doc.status, "published");
      assert.equal(doc.publishedVersion, 1);
      assert.equal(doc.current.body, "v1 text\nmore");
      assert.equal(doc.nextReviewAt, addMonths(today, 12));
      assert.equal(doc.reviewStatus, "ok");
      assert.equal(doc.abilities.newDraft, true);

      // the published text never changes
      const frozen = await contributor.patch(`${base}/${d.id}/versions/1`, { version: 5, body: "sneaky" });
      assert.equal(frozen.statusCode, 409);
      assert.equal(frozen.json().error.code, "invalid_state");

      // revise: new draft from the version in force, edit, diff, approve by someone else, publish
      doc = await ok(act(contributor, base, d.id, "new-draft", { version: 5 }));
      assert.equal(doc.latestVersion, 2);
      assert.equal(doc.status, "draft");
      assert.equal(doc.publishedVersion, 1, "version 1 stays in force while 2 is drafted");
      assert.equal(doc.latest.body, "v1 text\nmore");
      doc = await ok(
        lead.patch(`${base}/${d.id}/versions/2`, {
          version: 6,
          body: "v2 text\nmore",
          changeSummary: "Reworded",
        }),
      );
      const diff = await ok(lead.get(`${base}/${d.id}/diff?from=1&to=2`));
      assert.deepEqual(
        diff.lines.map((l: { op: string; text: string }) => `${l.op}:${l.text}`),
        ["remove:v1 text", "add:v2 text", "equal:more"],
      );
      assert.equal(diff.added, 1);
      await ok(act(contributor, base, d.id, "submit", { version: 7 }));
      // the lead edited version 2, so the lead may not approve it
      const editorApproves = await act(lead, base, d.id, "approve", { version: 8 });
      assert.equal(editorApproves.statusCode, 403);
      assert.equal(editorApproves.json().error.details.rule, "four_eyes");
      doc = await ok(act(owner, base, d.id, "approve", { version: 8 }));
      doc = await ok(act(owner, base, d.id, "publish", { version: 9 }));
      assert.equal(doc.publishedVersion, 2);
      assert.deepEqual(
        doc.versions.map((v: { number: number; status: string }) => [v.number, v.status]),
        [
          [2, "published"],
          [1, "superseded"],
        ],
      );
      const v1 = await ok(owner.get(`${base}/${d.id}/versions/1`));
      assert.equal(v1.status, "superseded");
      assert.equal(v1.body, "v1 text\nmore");

      const types = await assertChainIntact(server, org.orgId);
      const mine = (await auditEventsOf(server, org.orgId))
        .filter((e) => e.entityId === d.id)
        .map((e) => e.type);
      assert.deepEqual(mine, [
        "document.created",
        "document.draft_edited",
        "document.version_submitted",
        "document.version_approved",
        "document.version_published",
        "document.draft_started",
        "document.draft_edited",
        "document.version_submitted",
        "document.version_approved",
        "document.version_published",
      ]);
      assert.ok(types.length > mine.length);
      const history = await ok(owner.get(`${base}/${d.id}/history`));
      assert.equal(history.items[0].type, "document.version_published");
      assert.equal(contributorMember.role, "contributor");
    });

    it("sends a version back to draft with a required comment", async () => {
      const { owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "Plan", kind: "plan", body: "x" }), 201);
      await ok(act(owner, base, d.id, "submit", { version: 1 }));
      const noComment = await act(lead, base, d.id, "reject", { version: 2 });
      assert.equal(noComment.statusCode, 400);
      assert.equal(noComment.json().error.details.issues[0].path, "comment");
      const doc = await ok(act(lead, base, d.id, "reject", { version: 2, comment: "Add owners" }));
      assert.equal(doc.status, "draft");
      assert.equal(doc.latest.reviewComment, "Add owners");
      assert.equal(doc.latest.submittedAt, null);
      assert.equal(doc.abilities.editDraft, true);
    });

    it("refuses actions out of state with 409 invalid_state and stale versions with 409 conflict", async () => {
      const { owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "P", kind: "procedure", body: "x" }), 201);
      const early = await act(lead, base, d.id, "approve", { version: 1 });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, "invalid_state");
      assert.equal((await act(lead, base, d.id, "publish", { version: 1 })).statusCode, 409);
      assert.equal((await act(lead, base, d.id, "mark-reviewed", { version: 1 })).statusCode, 409);
      assert.equal((await act(owner, base, d.id, "new-draft", { version: 1 })).statusCode, 409);
      const stale = await act(owner, base, d.id, "submit", { version: 7 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const empty = await ok(owner.post(base, { title: "Empty", kind: "other" }), 201);
      assert.equal((await act(owner, base, empty.id, "submit", { version: 1 })).statusCode, 409);
    });

    it("retires a document: versions retired, nothing in force, no further change", async () => {
      const { org, owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "Old", kind: "policy", body: "x" }), 201);
      await ok(act(owner, base, d.id, "submit", { version: 1 }));
      await ok(act(lead, base, d.id, "approve", { version: 2 }));
      await ok(act(lead, base, d.id, "publish", { version: 3 }));
      await ok(act(owner, base, d.id, "new-draft", { version: 4 }));
      const doc = await ok(act(lead, base, d.id, "retire", { version: 5, comment: "Replaced" }));
      assert.equal(doc.status, "retired");
      assert.equal(doc.publishedVersion, null);
      assert.equal(doc.nextReviewAt, null);
      assert.deepEqual(
        doc.versions.map((v: { status: string }) => v.status),
        ["retired", "retired"],
      );
      assert.ok(Object.entries(doc.abilities).every(([k, v]) => k === "read" || v === false));
      const again = await owner.patch(`${base}/${d.id}`, { version: 6, title: "New" });
      assert.equal(again.statusCode, 409);
      assert.ok((await assertChainIntact(server, org.orgId)).includes("document.retired"));
    });

    it("shows an overdue review, filters on it, and a periodic review moves the date on", async () => {
      const { org, owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "Reviewed", kind: "policy", body: "x" }), 201);
      await ok(act(owner, base, d.id, "submit", { version: 1 }));
      await ok(act(lead, base, d.id, "approve", { version: 2 }));
      await ok(act(lead, base, d.id, "publish", { version: 3 }));
      await server.database.db
        .update(tables.documents)
        .set({ nextReviewAt: "2020-01-01" })
        .where(and(eq(tables.documents.orgId, org.orgId), eq(tables.documents.id, d.id)));
      const seen = await ok(owner.get(`${base}/${d.id}`));
      assert.equal(seen.reviewStatus, "overdue");
      const overdue = await ok(owner.get(`${base}?review=overdue`));
      assert.deepEqual(
        overdue.items.map((i: { id: string }) => i.id),
        [d.id],
      );
      assert.equal((await ok(owner.get(`${base}?review=ok`))).total, 0);
      const doc = await ok(act(lead, base, d.id, "mark-reviewed", { version: 4, comment: "Still right" }));
      assert.equal(doc.reviewStatus, "ok");
      assert.equal(doc.nextReviewAt, addMonths(isoDate(new Date()), 12));
      assert.equal(doc.lastReviewedBy.name.length > 0, true);
      assert.equal((await ok(owner.get(`${base}?review=overdue`))).total, 0);
      const events = await auditEventsOf(server, org.orgId);
      const reviewed = events.find((e) => e.type === "document.reviewed")!;
      assert.deepEqual((reviewed.payload as { previousReviewAt: string }).previousReviewAt, "2020-01-01");
    });

    it("changing the review interval of a document in force reschedules its review", async () => {
      const { owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "Interval", kind: "policy", body: "x" }), 201);
      await ok(act(owner, base, d.id, "submit", { version: 1 }));
      await ok(act(lead, base, d.id, "approve", { version: 2 }));
      await ok(act(lead, base, d.id, "publish", { version: 3 }));
      const doc = await ok(owner.patch(`${base}/${d.id}`, { version: 4, reviewIntervalMonths: 3 }));
      assert.equal(doc.nextReviewAt, addMonths(isoDate(new Date()), 3));
      assert.equal(doc.reviewStatus, "ok");
    });

    it("keeps a version's text immutable in the database once it left draft", async () => {
      const { org, owner, lead, base } = await setup();
      const d = await ok(owner.post(base, { title: "Guarded", kind: "policy", body: "x" }), 201);
      await ok(act(owner, base, d.id, "submit", { version: 1 }));
      await ok(act(lead, base, d.id, "approve", { version: 2 }));
      const where = and(
        eq(tables.documentVersions.orgId, org.orgId),
        eq(tables.documentVersions.documentId, d.id),
      );
      await assert.rejects(
        server.database.db.update(tables.documentVersions).set({ body: "forged" }).where(where),
      );
      await assert.rejects(server.database.db.delete(tables.documentVersions).where(where));
      const [row] = await server.database.db
        .select({ body: tables.documentVersions.body, n: sql<number>`1` })
        .from(tables.documentVersions)
        .where(where);
      assert.equal(row!.body, "x");
    });
  });
}
