import { and, desc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  IncidentListQuery,
  incidentPolicy,
  invalidInput,
  type Actor,
  type IncidentListQueryInput,
  type IncidentPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentIncident, recipientsOf, selectIncidentRecords, systemsOf } from "./incident-records";

const { incidents } = tables;
const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, with each incident's clocks; `open=true` leaves out resolved and closed incidents. */
export async function listIncidents(
  ctx: AppContext,
  actor: Actor,
  input: IncidentListQueryInput,
): Promise<IncidentPage> {
  authorize(actor, incidentPolicy, "read", { status: "reported" });
  const { status, open, limit, cursor } = parseInput(IncidentListQuery, input);
  const conds: SQL[] = [eq(incidents.orgId, actor.orgId)];
  if (status) conds.push(eq(incidents.status, status));
  if (open) conds.push(notInArray(incidents.status, ["resolved", "closed"]));
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [at, id] = after;
    if (typeof at !== "string" || !ISO_US.test(at) || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(${incidents.createdAt}, ${incidents.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const db = ctx.database.db;
  const rows = await selectIncidentRecords(db)
    .where(and(...conds))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.row.id);
  const systems = await systemsOf(db, actor.orgId, ids);
  const reached = await recipientsOf(db, actor.orgId, ids);
  const now = ctx.now();
  const last = page[page.length - 1];
  return {
    items: page.map((r) =>
      presentIncident(actor, r, now, systems.get(r.row.id) ?? [], reached.get(r.row.id) ?? new Set()),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdKey, last.row.id]) : null,
    abilities: { report: abilitiesOf(actor, incidentPolicy, { status: "reported" }).report },
  };
}
