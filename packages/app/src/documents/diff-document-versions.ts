import {
  authorize,
  diffLines,
  DocumentDiffQuery,
  documentPolicy,
  type Actor,
  type DocumentDiffView,
} from "@openaims/core";
import type { z } from "zod";
import type { AppContext } from "../shared/context";
import { parseInput } from "../ai-systems/ai-system-records";
import { findDocument, findVersion } from "./document-records";

/** The line diff from version `from` to version `to` (either order; either may be the open draft). */
export async function diffDocumentVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.input<typeof DocumentDiffQuery>,
): Promise<DocumentDiffView> {
  authorize(actor, documentPolicy, "read", {});
  const { from, to } = parseInput(DocumentDiffQuery, input);
  const { db } = ctx.database;
  await findDocument(db, actor.orgId, id);
  const [a, b] = [await findVersion(db, actor.orgId, id, from), await findVersion(db, actor.orgId, id, to)];
  return { from, to, ...diffLines(a.body, b.body) };
}
