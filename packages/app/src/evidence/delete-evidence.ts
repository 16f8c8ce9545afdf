import { and, eq, or } from "drizzle-orm";
import { authorize, decideDeleteEvidence, evidencePolicy, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { approvedSoaVersionsReferencing } from "../soa/soa-references";
import { removeBlobIfUnreferenced, type EvidenceStorage } from "./evidence-storage";
import { lockEvidence, toEvidenceState } from "./evidence-records";

/**
 * Deletes an item and every link from or to it. Evidence an approved SoA version references is refused (409,
 * naming the versions): it can only be archived. When no other item names the same file, the blob goes too.
 */
export async function deleteEvidence(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  storage: EvidenceStorage,
  id: string,
): Promise<void> {
  const { recordLinks, evidence } = tables;
  const sha256 = await runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockEvidence(tx, actor.orgId, id);
    authorize(actor, evidencePolicy, "delete", current);
    const soaVersions = await approvedSoaVersionsReferencing(tx, actor.orgId, "evidence", id);
    const event = decideDeleteEvidence(toEvidenceState(current), soaVersions);
    await tx
      .delete(recordLinks)
      .where(
        and(
          eq(recordLinks.orgId, actor.orgId),
          or(
            and(eq(recordLinks.sourceType, "evidence"), eq(recordLinks.sourceId, id)),
            and(eq(recordLinks.targetType, "evidence"), eq(recordLinks.targetId, id)),
          ),
        ),
      );
    await tx.delete(evidence).where(and(eq(evidence.orgId, actor.orgId), eq(evidence.id, id)));
    return { result: current.sha256, events: [event] };
  });
  if (sha256) await removeBlobIfUnreferenced(ctx.database, storage.store, sha256);
}
