import { authorize, evidencePolicy, invalidState, notFound, type Actor } from "@openaims/core";
import type { AppContext } from "../shared/context";
import type { EvidenceStorage } from "./evidence-storage";
import { findEvidence } from "./evidence-records";

export interface EvidenceContent {
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  body: AsyncIterable<Uint8Array>;
}

/** The stored file of an item (archived ones too: an auditor may need them), for download. */
export async function openEvidenceContent(
  ctx: AppContext,
  actor: Actor,
  storage: EvidenceStorage,
  id: string,
): Promise<EvidenceContent> {
  const { row } = await findEvidence(ctx.database.db, actor.orgId, id);
  authorize(actor, evidencePolicy, "read", row);
  if (row.kind !== "file" || !row.sha256)
    throw invalidState("This evidence is a link; it has no file to download. Open its URL instead.");
  const body = await storage.store.get(row.sha256);
  if (!body) throw notFound("The stored file of this evidence");
  return {
    sha256: row.sha256,
    size: row.sizeBytes ?? 0,
    mediaType: row.mediaType ?? "application/octet-stream",
    filename: row.filename ?? `evidence-${row.id}`,
    body,
  };
}
