import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateEvidence,
  evidencePolicy,
  UpdateEvidenceInput,
  type Actor,
  type EvidenceDetailView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { lockEvidence, toEvidenceState } from "./evidence-records";
import { loadEvidenceDetail } from "./get-evidence";

/** Changes the metadata (title, description, URL of a link, collected at, valid until); the file never changes. */
export async function updateEvidence(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateEvidenceInput,
): Promise<EvidenceDetailView> {
  const { version, collectedAt, ...rest } = parseInput(UpdateEvidenceInput, input);
  const changes = collectedAt === undefined ? rest : { ...rest, collectedAt: new Date(collectedAt) };
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockEvidence(tx, actor.orgId, id);
    authorize(actor, evidencePolicy, "update", current);
    const decision = decideUpdateEvidence(toEvidenceState(current), changes, version);
    const now = ctx.now();
    if (decision)
      await tx
        .update(tables.evidence)
        .set({ ...decision.changes, version: current.version + 1, updatedAt: now })
        .where(and(eq(tables.evidence.orgId, actor.orgId), eq(tables.evidence.id, id)));
    return { result: await loadEvidenceDetail(tx, actor, id, now), events: decision ? [decision.event] : [] };
  });
}
