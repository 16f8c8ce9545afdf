import { randomUUID } from "node:crypto";
import {
  authorize,
  checkIncidentDates,
  decideReportIncident,
  incidentPolicy,
  ReportIncidentInput,
  type Actor,
  type IncidentFields,
  type IncidentView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks, validateLinkTargets } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { findReadableIncident, presentOne } from "./incident-records";

/** Records a new incident (status `reported`) with the AI systems involved. */
export async function reportIncident(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: ReportIncidentInput,
): Promise<IncidentView> {
  authorize(actor, incidentPolicy, "report", { status: "reported" });
  const f = parseInput(ReportIncidentInput, input);
  const now = ctx.now();
  checkIncidentDates(f, now.toISOString().slice(0, 10));
  const fields: IncidentFields = {
    title: f.title,
    description: f.description,
    occurredOn: f.occurredOn,
    becameAwareOn: f.becameAwareOn,
    severity: f.severity,
    harmTypes: f.harmTypes,
    role: f.role,
    answers: f.seriousIncident,
    resolution: "",
  };
  const systemIds = [...new Set(f.aiSystemIds)];
  return runCommand(ctx, actor, meta, async (tx) => {
    const targets = systemIds.map((id) => ({ type: "ai_system" as const, id }));
    await validateLinkTargets(tx, actor.orgId, targets, "aiSystemIds");
    const id = randomUUID();
    await tx.insert(tables.incidents).values({
      id,
      orgId: actor.orgId,
      title: fields.title,
      description: fields.description,
      occurredOn: fields.occurredOn,
      becameAwareOn: fields.becameAwareOn,
      severity: fields.severity,
      harmTypes: fields.harmTypes,
      role: fields.role,
      seriousAnswers: { ...fields.answers },
      status: "reported",
      reportedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceLinks(tx, actor.orgId, { type: "incident", id }, targets, actor.userId);
    const record = await findReadableIncident(tx, actor, id);
    return {
      result: await presentOne(tx, actor, record, now),
      events: [decideReportIncident(id, actor.orgId, fields, systemIds)],
    };
  });
}
