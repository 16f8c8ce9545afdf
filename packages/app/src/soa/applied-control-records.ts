import { and, eq, inArray } from "drizzle-orm";
import {
  abilitiesOf,
  appliedControlPolicy,
  notFound,
  type Actor,
  type AppliedControlCategory,
  type AppliedControlState,
  type AppliedControlStatus,
  type AppliedControlView,
  type LinkView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf } from "../shared/links";

const { appliedControls, users } = tables;
export type AppliedControlRow = typeof appliedControls.$inferSelect;

export function toAppliedControlState(row: AppliedControlRow): AppliedControlState {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    status: row.status as AppliedControlStatus,
    category: row.category as AppliedControlCategory,
    additional: row.additional,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

export function presentAppliedControl(
  actor: Actor,
  row: AppliedControlRow,
  ownerName: string | null,
  links: LinkView[],
  abilities = abilitiesOf(actor, appliedControlPolicy, { archivedAt: row.archivedAt }),
): AppliedControlView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    status: row.status as AppliedControlStatus,
    category: row.category as AppliedControlCategory,
    additional: row.additional,
    links,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Loads and row-locks an applied control of the org for a write; another org's id is a 404. */
export async function lockAppliedControl(
  tx: Executor,
  orgId: string,
  id: string,
): Promise<AppliedControlRow> {
  if (!uuidLike(id)) throw notFound("Applied control");
  const [row] = await tx
    .select()
    .from(appliedControls)
    .where(and(eq(appliedControls.orgId, orgId), eq(appliedControls.id, id)))
    .for("update");
  if (!row) throw notFound("Applied control");
  return row;
}

/** One applied control with its owner's name and its labelled links, as the API shows it. */
export async function loadAppliedControlView(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<AppliedControlView> {
  if (!uuidLike(id)) throw notFound("Applied control");
  const [found] = await db
    .select({ row: appliedControls, ownerName: users.name })
    .from(appliedControls)
    .leftJoin(users, eq(users.id, appliedControls.ownerId))
    .where(and(eq(appliedControls.orgId, actor.orgId), eq(appliedControls.id, id)));
  if (!found) throw notFound("Applied control");
  const links = await labelLinks(db, actor.orgId, await linksOf(db, actor.orgId, "applied_control", id));
  return presentAppliedControl(actor, found.row, found.ownerName, links);
}

/** Live applied controls of the org among `ids` (archived ones cannot be linked); returns id → name. */
export async function liveAppliedControlNames(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: appliedControls.id, name: appliedControls.name, archivedAt: appliedControls.archivedAt })
    .from(appliedControls)
    .where(and(eq(appliedControls.orgId, orgId), inArray(appliedControls.id, valid)));
  return new Map(rows.filter((r) => !r.archivedAt).map((r) => [r.id, r.name]));
}

export { uuidLike };
