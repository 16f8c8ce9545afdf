import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor, DocumentAction } from "@openaims/core";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, buildTestOrg, commandFilesIn, expectAuditEvent } from "../testing";
import { createDocument, createDocumentFromTemplate } from "./create-document";
import { editDocumentDraft } from "./edit-document-draft";
import { runDocumentAction } from "./run-document-action";
import { updateDocument } from "./update-document";

const meta = { requestId: "test" };

for (const backend of testBackends()) {
  describe(`document use cases on ${backend}`, () => {
    let ctx: AppContext;
    let author: Actor;
    let approver: Actor;

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      const orgId = await buildTestOrg(ctx);
      author = await buildActor(ctx, orgId, "owner");
      approver = await buildActor(ctx, orgId, "governance_lead");
    });
    after(async () => ctx?.database.close());

    it("every mutating use case and every workflow action appends an audit event; the chain stays valid", async () => {
      const orgId = author.orgId;
      const expectEvent = (what: string, run: () => Promise<{ id: string; version: number }>) =>
        expectAuditEvent(ctx, orgId, what, run);
      await expectEvent("createDocumentFromTemplate", () =>
        createDocumentFromTemplate(ctx, author, meta, { templateKey: "internal_audit_procedure" }),
      );
      let doc = await expectEvent("createDocument", () =>
        createDocument(ctx, author, meta, { title: "Policy", kind: "policy", body: "x" }),
      );
      doc = await expectEvent("updateDocument", () =>
        updateDocument(ctx, author, meta, doc.id, { version: doc.version, title: "AI policy" }),
      );
      doc = await expectEvent("editDocumentDraft", () =>
        editDocumentDraft(ctx, author, meta, doc.id, 1, { version: doc.version, body: "y" }),
      );
      const step = (who: Actor, action: DocumentAction, comment?: string) =>
        expectEvent(action, () =>
          runDocumentAction(ctx, who, meta, doc.id, action, { version: doc.version, comment }),
        );
      for (const [who, action, comment] of [
        [author, "submit"],
        [approver, "reject", "Needs owners"],
        [author, "submit"],
        [approver, "approve"],
        [approver, "publish"],
        [approver, "markReviewed"],
        [author, "newDraft"],
        [approver, "retire"],
      ] as [Actor, DocumentAction, string?][])
        doc = await step(who, action, comment);
    });

    it("validates input given directly to a use case with the shared schema", async () => {
      await assert.rejects(
        createDocument(ctx, author, meta, { title: "", kind: "policy" }),
        (e: { code?: string; details?: { issues: { path: string }[] } }) =>
          e.code === "invalid_input" && e.details?.issues[0]?.path === "title",
      );
    });

    it("lists every use case of this folder that runs a command", async () => {
      const writers = await commandFilesIn(new URL(".", import.meta.url));
      assert.deepEqual(writers.sort(), [
        "create-document.ts",
        "edit-document-draft.ts",
        "run-document-action.ts",
        "update-document.ts",
      ]);
    });
  });
}
