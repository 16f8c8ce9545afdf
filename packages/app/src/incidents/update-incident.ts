import { and, eq } from "drizzle-orm";
import {
  authorize,
  checkIncidentDates,
  decideUpdateIncident,
  incidentPolicy,
  UpdateIncidentInput,
  type Actor,
  type IncidentStatus,
  type IncidentView,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { linkKey } from "@openaims/core";
import { linksOf, replaceLinks, validateLinkTargets } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { fieldsOf, findReadableIncident, presentOne } from "./incident-records";

/**
 * Edits an incident and/or moves it along its workflow (stale `version` → 409). Emits `incident.updated` for
 * field and system changes and `incident.status_changed` for a status move.
 */
export async function updateIncident(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateIncidentInput,
): Promise<IncidentView> {
  const { version, status, seriousIncident, aiSystemIds, ...rest } = parseInput(UpdateIncidentInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    await tx
      .select({ id: tables.incidents.id })
      .from(tables.incidents)
      .where(and(eq(tables.incidents.orgId, actor.orgId), eq(tables.incidents.id, id)))
      .for("update");
    const current = await findReadableIncident(tx, actor, id);
    authorize(actor, incidentPolicy, "update", { status: current.row.status as IncidentStatus });
    let targets = null as { type: "ai_system"; id: string }[] | null;
    let linksChanged = false;
    if (aiSystemIds) {
      targets = [...new Set(aiSystemIds)].map((sid) => ({ type: "ai_system" as const, id: sid }));
      await validateLinkTargets(tx, actor.orgId, targets, "aiSystemIds");
      const now = (await linksOf(tx, actor.orgId, "incident", id)).map(linkKey).sort().join(" ");
      linksChanged = now !== targets.map(linkKey).sort().join(" ");
    }
    const answers = seriousIncident
      ? (Object.fromEntries(
          Object.entries(seriousIncident).filter(([, v]) => v !== undefined),
        ) as Partial<SeriousIncidentAnswers>)
      : undefined;
    const currentFields = fieldsOf(current.row);
    const decision = decideUpdateIncident(
      { ...currentFields, id, status: current.row.status as IncidentStatus, version: current.row.version },
      { ...rest, status, answers: answers ? { ...currentFields.answers, ...answers } : undefined },
      version,
      linksChanged,
    );
    const now = ctx.now();
    if (!decision) return { result: await presentOne(tx, actor, current, now), events: [] };
    checkIncidentDates(decision.fields, now.toISOString().slice(0, 10));
    const f = decision.fields;
    const [row] = await tx
      .update(tables.incidents)
      .set({
        title: f.title,
        description: f.description,
        occurredOn: f.occurredOn,
        becameAwareOn: f.becameAwareOn,
        severity: f.severity,
        harmTypes: f.harmTypes,
        role: f.role,
        seriousAnswers: { ...f.answers },
        resolution: f.resolution,
        status: decision.status,
        version: current.row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(tables.incidents.orgId, actor.orgId), eq(tables.incidents.id, id)))
      .returning();
    const events = decision.events;
    if (targets && linksChanged) {
      const { added, removed } = await replaceLinks(
        tx,
        actor.orgId,
        { type: "incident", id },
        targets,
        actor.userId,
      );
      const updated = events.find((e) => e.type === "incident.updated");
      if (updated) {
        updated.payload = {
          ...updated.payload,
          aiSystemsAdded: added.map((t) => t.id),
          aiSystemsRemoved: removed.map((t) => t.id),
        };
        if (!(updated.payload.changed as string[]).includes("aiSystems"))
          (updated.payload.changed as string[]).push("aiSystems");
      }
    }
    return { result: await presentOne(tx, actor, { ...current, row: row! }, now), events };
  });
}
