import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideDocumentAction,
  DocumentActionInput,
  documentPolicy,
  RejectDocumentInput,
  type Actor,
  type DocumentAction,
  type DocumentView,
  type VersionStamp,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { parseInput } from "../ai-systems/ai-system-records";
import {
  findVersion,
  loadDocumentView,
  lockDocument,
  toDocumentState,
  toVersionState,
} from "./document-records";

const { documents, documentVersions } = tables;

/** The columns each workflow stamp fills on the version row. */
function stampColumns(stamp: VersionStamp, userId: string, at: Date, reviewComment?: string) {
  switch (stamp) {
    case "submitted":
      return { submittedAt: at, submittedBy: userId };
    case "approved":
      return { approvedAt: at, approvedBy: userId };
    case "published":
      return { publishedAt: at, publishedBy: userId };
    case "superseded":
      return { supersededAt: at };
    case "retired":
      return { retiredAt: at };
    case "rejected":
      // back to draft: the earlier submission and approval no longer stand
      return {
        reviewComment: reviewComment ?? "",
        submittedAt: null,
        submittedBy: null,
        approvedAt: null,
        approvedBy: null,
      };
  }
}

/**
 * One workflow step on a document — submit, approve, reject, publish, retire, start a new draft, or confirm a
 * periodic review: load and lock → authorize by role (403) → decide in core (stale version 409 `conflict`,
 * wrong state 409 `invalid_state`, own version 403 `four_eyes`) → write version and document rows and the
 * audit event in one transaction.
 */
export async function runDocumentAction(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  action: DocumentAction,
  input: { version: number; comment?: string },
): Promise<DocumentView> {
  const { version, comment } = parseInput(
    action === "reject" ? RejectDocumentInput : DocumentActionInput,
    input,
  );
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await lockDocument(tx, actor.orgId, id);
    authorize(actor, documentPolicy, action, {});
    const latest = await findVersion(tx, actor.orgId, id, row.latestVersion);
    const now = ctx.now();
    const decision = decideDocumentAction(toDocumentState(row), toVersionState(latest), action, {
      actorId: actor.userId,
      now,
      expectedVersion: version,
      comment: comment || undefined,
    });
    for (const change of decision.versions)
      await tx
        .update(documentVersions)
        .set({
          status: change.status,
          updatedAt: now,
          ...stampColumns(change.stamp, actor.userId, now, change.reviewComment),
        })
        .where(
          and(
            eq(documentVersions.orgId, actor.orgId),
            eq(documentVersions.documentId, id),
            eq(documentVersions.number, change.number),
          ),
        );
    if (decision.newVersion)
      await tx.insert(documentVersions).values({
        orgId: actor.orgId,
        documentId: id,
        ...decision.newVersion,
        status: "draft",
        createdAt: now,
        updatedAt: now,
      });
    const [updated] = await tx
      .update(documents)
      .set({ ...decision.document, version: row.version + 1, updatedAt: now })
      .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, id)))
      .returning();
    return { result: await loadDocumentView(tx, actor, updated!, now), events: [decision.event] };
  });
}
