import { and, eq, inArray, or, sql } from "drizzle-orm";
import {
  diffLinks,
  type LinkTarget,
  type LinkView,
  type ObligationLinkSource,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, registerLinkTarget, validateLinkTargets } from "../shared/links";

const { aiSystemObligations: obligations, aiSystems, recordLinks, evidence, documents } = tables;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Evidence and documents link to a tracked obligation (target `obligation`, the ai_system_obligations row id):
// the label names the article, the obligation and the system, since the same article recurs across systems.
registerLinkTarget("obligation", async (db, orgId, ids) => {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({
      id: obligations.id,
      article: obligations.article,
      title: obligations.title,
      system: aiSystems.name,
    })
    .from(obligations)
    .innerJoin(
      aiSystems,
      and(eq(aiSystems.orgId, obligations.orgId), eq(aiSystems.id, obligations.aiSystemId)),
    )
    .where(and(eq(obligations.orgId, orgId), inArray(obligations.id, valid)));
  return new Map(rows.map((r) => [r.id, `${r.article} ${r.title} (${r.system})`]));
});

/** The evidence and documents linked to each obligation row, labelled: one query for the links, one per kind. */
export async function obligationLinksOf(
  db: Executor,
  orgId: string,
  rowIds: readonly string[],
): Promise<Map<string, LinkView[]>> {
  const out = new Map<string, LinkView[]>(rowIds.map((id) => [id, []]));
  if (rowIds.length === 0) return out;
  const rows = await db
    .select({ obligationId: recordLinks.targetId, type: recordLinks.sourceType, id: recordLinks.sourceId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.orgId, orgId),
        eq(recordLinks.targetType, "obligation"),
        inArray(recordLinks.targetId, [...rowIds]),
        inArray(recordLinks.sourceType, ["evidence", "document"]),
      ),
    )
    .orderBy(recordLinks.sourceType, recordLinks.sourceId);
  const labelled = await labelLinks(
    db,
    orgId,
    rows.map((r) => ({ type: r.type, id: r.id }) as LinkTarget),
  );
  rows.forEach((r, i) => out.get(r.obligationId)?.push(labelled[i]!));
  return out;
}

/**
 * Makes the evidence and documents linked to one obligation exactly `sources` (each must exist in the org: 400
 * naming `links.N` otherwise). The rows stay owned by their source (`evidence|document → obligation`, like any
 * other link evidence makes), so the source's `version` is bumped: an editor holding the older link list gets
 * a 409 instead of silently dropping the new link — and each source whose links changed gets its own audit event
 * (`evidence.linked`, `document.updated` with `links`, as when the link is made from that side), so the source's
 * history explains its new version. Call inside the command's transaction and append `events` with the command's.
 */
export async function replaceObligationLinks(
  tx: Executor,
  orgId: string,
  obligationRowId: string,
  sources: readonly ObligationLinkSource[],
  userId: string | null,
  now: Date,
): Promise<{ added: LinkTarget[]; removed: LinkTarget[]; events: PendingEvent[] }> {
  const next = await validateLinkTargets(tx, orgId, [...sources]);
  const current = (await obligationLinksOf(tx, orgId, [obligationRowId])).get(obligationRowId) ?? [];
  const { added, removed } = diffLinks(
    current.map(({ type, id }) => ({ type, id })),
    next,
  );
  const target = and(eq(recordLinks.targetType, "obligation"), eq(recordLinks.targetId, obligationRowId));
  if (removed.length > 0)
    await tx
      .delete(recordLinks)
      .where(
        and(
          eq(recordLinks.orgId, orgId),
          target,
          or(...removed.map((s) => and(eq(recordLinks.sourceType, s.type), eq(recordLinks.sourceId, s.id)))),
        ),
      );
  if (added.length > 0)
    await tx.insert(recordLinks).values(
      added.map((s) => ({
        orgId,
        sourceType: s.type,
        sourceId: s.id,
        targetType: "obligation",
        targetId: obligationRowId,
        createdBy: userId,
      })),
    );
  const touched = (type: string) => [...added, ...removed].filter((s) => s.type === type).map((s) => s.id);
  /** The change as the source sees it: the obligation added to or removed from its own links. */
  const sourceSide = (type: string, id: string) => {
    const obligation: LinkTarget[] = [{ type: "obligation", id: obligationRowId }];
    const was = (list: LinkTarget[]) => list.some((s) => s.type === type && s.id === id);
    return { added: was(added) ? obligation : [], removed: was(removed) ? obligation : [] };
  };
  const events: PendingEvent[] = [];
  for (const source of linkSources) {
    const ids = touched(source.type);
    if (ids.length === 0) continue;
    const { table } = source;
    const rows = await tx
      .update(table)
      .set({ updatedAt: now, version: sql`${table.version} + 1` })
      .where(and(eq(table.orgId, orgId), inArray(table.id, ids)))
      .returning({ id: table.id, title: table.title });
    for (const r of [...rows].sort((a, b) => a.id.localeCompare(b.id)))
      events.push(source.event(r, sourceSide(source.type, r.id)));
  }
  return { added, removed, events };
}

type SourceChange = { added: LinkTarget[]; removed: LinkTarget[] };
/** The kinds that link to an obligation, and the event each records when its links change (as from its own side). */
const linkSources = [
  {
    type: "evidence",
    table: evidence,
    event: (r: { id: string; title: string }, change: SourceChange): PendingEvent => ({
      type: "evidence.linked",
      entityType: "evidence",
      entityId: r.id,
      payload: { title: r.title, ...change },
    }),
  },
  {
    type: "document",
    table: documents,
    event: (r: { id: string; title: string }, change: SourceChange): PendingEvent => ({
      type: "document.updated",
      entityType: "document",
      entityId: r.id,
      payload: { title: r.title, diff: {}, links: change },
    }),
  },
] as const;
