import type { Actor, IncidentDetailView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { communicationsOf, findReadableIncident, presentOne } from "./incident-records";

/** The incident with its clocks (days left from now) and its communication log. */
export async function getIncident(ctx: AppContext, actor: Actor, id: string): Promise<IncidentDetailView> {
  const db = ctx.database.db;
  const record = await findReadableIncident(db, actor, id);
  return {
    ...(await presentOne(db, actor, record, ctx.now())),
    communications: await communicationsOf(db, actor.orgId, id),
  };
}
