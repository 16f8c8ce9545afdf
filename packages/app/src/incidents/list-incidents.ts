import { eq, notInArray, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  IncidentListQuery,
  incidentPolicy,
  type Actor,
  type IncidentListQueryInput,
  type IncidentPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listNewestFirst } from "../shared/created-keyset-list";
import { presentIncident, recipientsOf, selectIncidentRecords, systemsOf } from "./incident-records";

const { incidents } = tables;

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
  const db = ctx.database.db;
  const { page, nextCursor } = await listNewestFirst(
    incidents,
    { limit, cursor },
    conds,
    (where, orderBy, n) =>
      selectIncidentRecords(db)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    (r) => [r.createdKey, r.row.id],
  );
  const ids = page.map((r) => r.row.id);
  const systems = await systemsOf(db, actor.orgId, ids);
  const reached = await recipientsOf(db, actor.orgId, ids);
  const now = ctx.now();
  return {
    items: page.map((r) =>
      presentIncident(actor, r, now, systems.get(r.row.id) ?? [], reached.get(r.row.id) ?? new Set()),
    ),
    nextCursor,
    abilities: { report: abilitiesOf(actor, incidentPolicy, { status: "reported" }).report },
  };
}
