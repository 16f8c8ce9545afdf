import {
  abilitiesOf,
  authorize,
  evidenceDayOf,
  EvidenceListQuery,
  evidencePolicy,
  type Actor,
  type EvidenceListQueryInput,
  type EvidencePage,
} from "@openaims/core";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { evidenceLinksOf } from "./evidence-links";
import { selectEvidencePage } from "./evidence-query";
import { presentEvidence } from "./evidence-records";

/** A page of evidence, newest first, each item with its labelled links; `total` counts every match. */
export async function listEvidence(
  ctx: AppContext,
  actor: Actor,
  input: EvidenceListQueryInput,
): Promise<EvidencePage> {
  authorize(actor, evidencePolicy, "read", { archivedAt: null });
  const { limit, cursor, ...filter } = parseInput(EvidenceListQuery, input);
  const { db } = ctx.database;
  const today = evidenceDayOf(ctx.now());
  const page = await selectEvidencePage(db, actor.orgId, filter, today, limit, cursor);
  const links = await evidenceLinksOf(
    db,
    actor.orgId,
    page.rows.map((r) => r.row.id),
  );
  const live = abilitiesOf(actor, evidencePolicy, { archivedAt: null });
  const archived = abilitiesOf(actor, evidencePolicy, { archivedAt: new Date(0) });
  return {
    items: page.rows.map((r) =>
      presentEvidence(
        actor,
        r.row,
        r.createdByName,
        links.get(r.row.id) ?? [],
        today,
        r.row.archivedAt ? archived : live,
      ),
    ),
    nextCursor: page.nextCursor,
    total: page.total,
    abilities: live,
  };
}
