import { authorize, documentPolicy, type Actor, type DocumentVersionView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findDocument, findVersion, presentVersion, userNames } from "./document-records";

/** One version with its text, e.g. a superseded one for the record. */
export async function getDocumentVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  number: number,
): Promise<DocumentVersionView> {
  authorize(actor, documentPolicy, "read", {});
  const { db } = ctx.database;
  await findDocument(db, actor.orgId, id);
  const v = await findVersion(db, actor.orgId, id, number);
  return presentVersion(v, await userNames(db, [v.authorId, v.approvedBy]));
}
