import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateEvidenceLinkInput,
  decideAddEvidence,
  evidencePolicy,
  type Actor,
  type EvidenceDetailView,
  type EvidenceSource,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { checkEvidenceLinkTypes } from "./evidence-links";
import { loadEvidenceDetail } from "./get-evidence";

/** Adds a link item (a URL where the proof lives), with its links to what it demonstrates. */
export async function createEvidenceLink(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateEvidenceLinkInput,
  source: EvidenceSource,
): Promise<EvidenceDetailView> {
  authorize(actor, evidencePolicy, "create", { archivedAt: null });
  const fields = parseInput(CreateEvidenceLinkInput, input);
  checkEvidenceLinkTypes(fields.links);
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const now = ctx.now();
    await tx.insert(tables.evidence).values({
      id,
      orgId: actor.orgId,
      kind: "link",
      title: fields.title,
      description: fields.description,
      url: fields.url,
      collectedAt: fields.collectedAt ? new Date(fields.collectedAt) : now,
      validUntil: fields.validUntil,
      source,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceLinks(
      tx,
      actor.orgId,
      { type: "evidence", id },
      fields.links,
      actor.userId,
    );
    const event = decideAddEvidence(id, {
      kind: "link",
      title: fields.title,
      url: fields.url,
      source,
      validUntil: fields.validUntil,
      file: null,
      links: added,
    });
    return { result: await loadEvidenceDetail(tx, actor, id, now), events: [event] };
  });
}
