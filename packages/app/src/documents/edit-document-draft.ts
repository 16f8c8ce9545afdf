import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideEditDraft,
  documentPolicy,
  EditDraftInput,
  type Actor,
  type DocumentView,
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

/** Changes the text of a document's draft (`number` must be the open draft); bumps the document's version. */
export async function editDocumentDraft(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  number: number,
  input: EditDraftInput,
): Promise<DocumentView> {
  const { version, ...changes } = parseInput(EditDraftInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await lockDocument(tx, actor.orgId, id);
    authorize(actor, documentPolicy, "editDraft", {});
    const draft = await findVersion(tx, actor.orgId, id, number);
    const decision = decideEditDraft(
      toDocumentState(row),
      toVersionState(draft),
      changes,
      version,
      actor.userId,
    );
    if (!decision) return { result: await loadDocumentView(tx, actor, row, ctx.now()), events: [] };
    const now = ctx.now();
    await tx
      .update(tables.documentVersions)
      .set({ ...decision.changes, updatedAt: now })
      .where(eq(tables.documentVersions.id, draft.id));
    const [updated] = await tx
      .update(tables.documents)
      .set({ version: row.version + 1, updatedAt: now })
      .where(and(eq(tables.documents.orgId, actor.orgId), eq(tables.documents.id, id)))
      .returning();
    return { result: await loadDocumentView(tx, actor, updated!, now), events: [decision.event] };
  });
}
