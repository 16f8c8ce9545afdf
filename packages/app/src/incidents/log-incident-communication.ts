import { randomUUID } from "node:crypto";
import {
  authorize,
  decideLogCommunication,
  incidentPolicy,
  LogIncidentCommunicationInput,
  type Actor,
  type IncidentDetailView,
  type IncidentStatus,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { communicationsOf, findReadableIncident, presentOne } from "./incident-records";

/**
 * Appends to an incident's communication log (to the provider, an authority, affected people, customers): who
 * logged it, when it was sent and a summary. The log is append-only; the audit event carries the recipient and
 * time, not the summary. Allowed in every status, also after closing (late notices still get recorded).
 */
export async function logIncidentCommunication(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  incidentId: string,
  input: LogIncidentCommunicationInput,
): Promise<IncidentDetailView> {
  const f = parseInput(LogIncidentCommunicationInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const incident = await findReadableIncident(tx, actor, incidentId);
    authorize(actor, incidentPolicy, "log_communication", { status: incident.row.status as IncidentStatus });
    const now = ctx.now();
    const sentAt = f.sentAt ? new Date(f.sentAt) : now;
    const id = randomUUID();
    await tx.insert(tables.incidentCommunications).values({
      id,
      orgId: actor.orgId,
      incidentId,
      recipient: f.recipient,
      recipientDetail: f.recipientDetail,
      sentAt,
      summary: f.summary,
      loggedBy: actor.userId,
      createdAt: now,
    });
    const view = await presentOne(tx, actor, incident, now);
    return {
      result: { ...view, communications: await communicationsOf(tx, actor.orgId, incidentId) },
      events: [
        decideLogCommunication(incidentId, id, { recipient: f.recipient, sentAt: sentAt.toISOString() }),
      ],
    };
  });
}
