import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateDocument,
  documentPolicy,
  rescheduleReview,
  UpdateDocumentInput,
  type Actor,
  type DocumentView,
  type PendingEvent,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { replaceLinks } from "../shared/links";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import { loadDocumentView, lockDocument, toDocumentState } from "./document-records";

/**
 * Metadata (title, kind, owner, review interval) and links. Only what differs is written; nothing different
 * means no write and no event. A new interval on a document in force moves its next review date.
 */
export async function updateDocument(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateDocumentInput,
): Promise<DocumentView> {
  const { version, links, ...changes } = parseInput(UpdateDocumentInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await lockDocument(tx, actor.orgId, id);
    authorize(actor, documentPolicy, "update", {});
    const decision = decideUpdateDocument(toDocumentState(row), changes, version);
    if (decision.changes.ownerId) await activeOwnerName(tx, actor.orgId, decision.changes.ownerId);
    const linkChanges = links
      ? await replaceLinks(tx, actor.orgId, { type: "document", id }, links, actor.userId)
      : { added: [], removed: [] };
    const linksChanged = linkChanges.added.length + linkChanges.removed.length > 0;
    if (Object.keys(decision.diff).length === 0 && !linksChanged)
      return { result: await loadDocumentView(tx, actor, row, ctx.now()), events: [] };

    const set: Partial<typeof tables.documents.$inferInsert> = {
      ...decision.changes,
      version: row.version + 1,
      updatedAt: ctx.now(),
    };
    if (decision.changes.reviewIntervalMonths !== undefined && row.publishedVersion !== null)
      set.nextReviewAt = rescheduleReview(row.lastReviewedAt, decision.changes.reviewIntervalMonths);
    const [updated] = await tx
      .update(tables.documents)
      .set(set)
      .where(and(eq(tables.documents.orgId, actor.orgId), eq(tables.documents.id, id)))
      .returning();
    const event: PendingEvent = {
      type: "document.updated",
      entityType: "document",
      entityId: id,
      payload: {
        title: updated!.title,
        diff: decision.diff,
        ...(linksChanged ? { links: linkChanges } : {}),
        ...(set.nextReviewAt !== undefined ? { nextReviewAt: [row.nextReviewAt, set.nextReviewAt] } : {}),
      },
    };
    return { result: await loadDocumentView(tx, actor, updated!, ctx.now()), events: [event] };
  });
}
