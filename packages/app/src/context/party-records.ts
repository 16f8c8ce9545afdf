import { and, asc, eq, inArray } from "drizzle-orm";
import {
  abilitiesOf,
  contextPolicy,
  notFound,
  type Actor,
  type Addressed,
  type InterestedPartyView,
  type LinkTarget,
  type PartyRequirementView,
  type PartyType,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks } from "../shared/links";

const { interestedParties, interestedPartyRequirements, recordLinks } = tables;
export type PartyRow = typeof interestedParties.$inferSelect;
export type RequirementRow = typeof interestedPartyRequirements.$inferSelect;
export const REQUIREMENT_SOURCE = "interested_party_requirement" as const;

export async function findParty(
  db: Executor,
  orgId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PartyRow> {
  const q = db
    .select()
    .from(interestedParties)
    .where(and(eq(interestedParties.orgId, orgId), eq(interestedParties.id, id)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound("Interested party");
  return row;
}

/** A requirement of a party of this org; another org's, or another party's, is a 404. */
export async function findRequirement(
  db: Executor,
  orgId: string,
  partyId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<RequirementRow> {
  const q = db
    .select()
    .from(interestedPartyRequirements)
    .where(
      and(
        eq(interestedPartyRequirements.orgId, orgId),
        eq(interestedPartyRequirements.partyId, partyId),
        eq(interestedPartyRequirements.id, id),
      ),
    );
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound("Requirement");
  return row;
}

/** Parties with their requirements and each requirement's link, in three queries whatever the page size. */
export async function presentParties(
  db: Executor,
  actor: Actor,
  parties: PartyRow[],
  abilities = abilitiesOf(actor, contextPolicy, {}),
): Promise<InterestedPartyView[]> {
  if (parties.length === 0) return [];
  const ids = parties.map((p) => p.id);
  const reqs = await db
    .select()
    .from(interestedPartyRequirements)
    .where(
      and(
        eq(interestedPartyRequirements.orgId, actor.orgId),
        inArray(interestedPartyRequirements.partyId, ids),
      ),
    )
    .orderBy(asc(interestedPartyRequirements.createdAt), asc(interestedPartyRequirements.id));
  const links =
    reqs.length === 0
      ? []
      : await db
          .select({ sourceId: recordLinks.sourceId, type: recordLinks.targetType, id: recordLinks.targetId })
          .from(recordLinks)
          .where(
            and(
              eq(recordLinks.orgId, actor.orgId),
              eq(recordLinks.sourceType, REQUIREMENT_SOURCE),
              inArray(
                recordLinks.sourceId,
                reqs.map((r) => r.id),
              ),
            ),
          );
  const labelled = await labelLinks(
    db,
    actor.orgId,
    links.map((l) => ({ type: l.type, id: l.id }) as LinkTarget),
  );
  const linkOf = new Map(links.map((l, i) => [l.sourceId, labelled[i]!]));
  const byParty = new Map<string, PartyRequirementView[]>();
  for (const r of reqs) {
    const view: PartyRequirementView = {
      id: r.id,
      partyId: r.partyId,
      text: r.text,
      addressed: r.addressed as Addressed | null,
      how: r.how,
      link: linkOf.get(r.id) ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
    byParty.set(r.partyId, [...(byParty.get(r.partyId) ?? []), view]);
  }
  return parties.map((p) => {
    const requirements = byParty.get(p.id) ?? [];
    return {
      id: p.id,
      name: p.name,
      type: p.type as PartyType,
      description: p.description,
      requirements,
      undecided: requirements.filter((r) => r.addressed === null).length,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
      abilities,
    };
  });
}

export async function presentParty(db: Executor, actor: Actor, row: PartyRow): Promise<InterestedPartyView> {
  return (await presentParties(db, actor, [row]))[0]!;
}

/** Bumps the party's version and time: a change to one of its requirements is a change to the party. */
export async function touchParty(tx: Executor, row: PartyRow, now: Date): Promise<PartyRow> {
  const [after] = await tx
    .update(interestedParties)
    .set({ version: row.version + 1, updatedAt: now })
    .where(and(eq(interestedParties.orgId, row.orgId), eq(interestedParties.id, row.id)))
    .returning();
  return after!;
}
