import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  authorize,
  concernPolicy,
  decideReportConcern,
  invalidInput,
  ReportConcernInput,
  type Actor,
  type ConcernView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand, type CommandActor } from "../shared/run-command";
import { presentConcern } from "./concern-records";

/**
 * Who appends the event of an anonymous report. The audit chain stays complete — the report is recorded, in
 * order, with its id — but the actor is the system and the request id is dropped (it could be matched with
 * request logs), so neither the trail nor the concern says who reported it.
 */
const anonymousReporter: CommandActor = { kind: "system", label: "anonymous concern reporter" };

export async function reportConcern(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: ReportConcernInput,
): Promise<ConcernView> {
  authorize(actor, concernPolicy, "report", { reporterId: actor.userId });
  const fields = parseInput(ReportConcernInput, input);
  const anonymous = fields.anonymous;
  const recordedBy = anonymous ? anonymousReporter : actor;
  const recordedMeta: RequestMeta = anonymous ? { requestId: null } : meta;
  return runCommand(ctx, recordedBy, recordedMeta, async (tx) => {
    let aiSystemName: string | null = null;
    if (fields.aiSystemId) {
      const [system] = await tx
        .select({ name: tables.aiSystems.name })
        .from(tables.aiSystems)
        .where(and(eq(tables.aiSystems.orgId, actor.orgId), eq(tables.aiSystems.id, fields.aiSystemId)));
      if (!system)
        throw invalidInput("aiSystemId: no such AI system in this organization.", {
          issues: [{ path: "aiSystemId", message: "must be an AI system of this organization" }],
        });
      aiSystemName = system.name;
    }
    const id = randomUUID();
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.concerns)
      .values({
        id,
        orgId: actor.orgId,
        subject: fields.subject,
        description: fields.description,
        category: fields.category,
        aiSystemId: fields.aiSystemId,
        anonymous,
        reporterId: anonymous ? null : actor.userId,
        status: "received",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const event = decideReportConcern(id, actor.orgId, { anonymous, aiSystemId: fields.aiSystemId });
    const reporterName = anonymous
      ? null
      : ((
          await tx
            .select({ name: tables.users.name })
            .from(tables.users)
            .where(eq(tables.users.id, actor.userId))
        )[0]?.name ?? null);
    return { result: presentConcern(actor, { row: row!, aiSystemName, reporterName }), events: [event] };
  });
}
