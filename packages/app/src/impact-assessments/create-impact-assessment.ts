import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateImpactAssessmentInput,
  currentTemplate,
  decideCreateImpactAssessment,
  impactAssessmentPolicy,
  ImpactAssessmentContent,
  type Actor,
  type ImpactAssessmentView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findAssessment, friaRequiredOf, presentAssessment, systemOf } from "./impact-assessment-records";
import { syncAssessmentControls } from "./sync-controls";

/**
 * Starts an impact assessment of one AI system as a draft. Without a `variant`, a system whose current EU AI Act
 * classification requires a FRIA gets the FRIA template; a standard assessment of such a system is allowed but
 * carries the warning `fria_required`. The creator is the author of revision 1.
 */
export async function createImpactAssessment(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateImpactAssessmentInput,
): Promise<ImpactAssessmentView> {
  authorize(actor, impactAssessmentPolicy, "create", {});
  const f = parseInput(CreateImpactAssessmentInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const system = await systemOf(tx, actor.orgId, f.aiSystemId);
    if (f.ownerId) await activeOwnerName(tx, actor.orgId, f.ownerId);
    const friaRequired = (await friaRequiredOf(tx, actor.orgId, [system.id])).has(system.id);
    const variant = f.variant ?? (friaRequired ? "fria" : "standard");
    const template = currentTemplate(variant);
    const content = f.content ?? ImpactAssessmentContent.parse({});
    const id = randomUUID();
    const title = f.title ?? `${template.title}: ${system.name}`.slice(0, 200);
    const now = ctx.now();
    await tx.insert(tables.impactAssessments).values({
      id,
      orgId: actor.orgId,
      aiSystemId: system.id,
      title,
      variant,
      templateId: template.id,
      status: "draft",
      content,
      authorId: actor.userId,
      ownerId: f.ownerId,
      reviewIntervalMonths: f.reviewIntervalMonths,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await syncAssessmentControls(tx, actor.orgId, id, content, actor.userId);
    const row = await findAssessment(tx, actor.orgId, id);
    return {
      result: await presentAssessment(tx, actor, row),
      events: [
        decideCreateImpactAssessment(
          { id, title, aiSystemId: system.id, variant, templateId: template.id, ownerId: f.ownerId },
          friaRequired,
        ),
      ],
    };
  });
}
