import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideLinkEvidence,
  evidencePolicy,
  SetEvidenceLinksInput,
  type Actor,
  type EvidenceDetailView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { checkEvidenceLinkTypes } from "./evidence-links";
import { lockEvidence, toEvidenceState } from "./evidence-records";
import { loadEvidenceDetail } from "./get-evidence";

/** Makes the item's links exactly the given list; the event names what was added and removed. */
export async function setEvidenceLinks(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: SetEvidenceLinksInput,
): Promise<EvidenceDetailView> {
  const { links, version } = parseInput(SetEvidenceLinksInput, input);
  checkEvidenceLinkTypes(links);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockEvidence(tx, actor.orgId, id);
    authorize(actor, evidencePolicy, "link", current);
    const state = toEvidenceState(current);
    // state and version first: a 409 must not depend on whether the links happen to differ
    decideLinkEvidence(state, version, { added: [], removed: [] });
    const change = await replaceLinks(tx, actor.orgId, { type: "evidence", id }, links, actor.userId);
    const event = decideLinkEvidence(state, version, change);
    const now = ctx.now();
    if (event)
      await tx
        .update(tables.evidence)
        .set({ version: current.version + 1, updatedAt: now })
        .where(and(eq(tables.evidence.orgId, actor.orgId), eq(tables.evidence.id, id)));
    return { result: await loadEvidenceDetail(tx, actor, id, now), events: event ? [event] : [] };
  });
}
