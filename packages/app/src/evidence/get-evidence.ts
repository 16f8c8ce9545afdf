import {
  authorize,
  evidenceDayOf,
  evidencePolicy,
  type Actor,
  type EvidenceDetailView,
} from "@openaims/core";
import type { Executor } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { approvedSoaVersionsReferencing } from "../soa/soa-references";
import { evidenceLinksOf } from "./evidence-links";
import { findEvidence, presentEvidence } from "./evidence-records";

/** One item with its labelled links and the approved SoA versions that reference it. */
export async function loadEvidenceDetail(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<EvidenceDetailView> {
  const { row, createdByName } = await findEvidence(db, actor.orgId, id);
  const links = (await evidenceLinksOf(db, actor.orgId, [row.id])).get(row.id) ?? [];
  const approvedSoaVersions = await approvedSoaVersionsReferencing(db, actor.orgId, "evidence", row.id);
  return {
    ...presentEvidence(actor, row, createdByName, links, evidenceDayOf(now)),
    approvedSoaVersions,
  };
}

export async function getEvidence(ctx: AppContext, actor: Actor, id: string): Promise<EvidenceDetailView> {
  authorize(actor, evidencePolicy, "read", { archivedAt: null });
  return loadEvidenceDetail(ctx.database.db, actor, id, ctx.now());
}
