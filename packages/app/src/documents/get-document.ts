import { authorize, documentPolicy, type Actor, type DocumentView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findDocument, loadDocumentView } from "./document-records";

export async function getDocument(ctx: AppContext, actor: Actor, id: string): Promise<DocumentView> {
  authorize(actor, documentPolicy, "read", {});
  const { db } = ctx.database;
  return loadDocumentView(db, actor, await findDocument(db, actor.orgId, id), ctx.now());
}
