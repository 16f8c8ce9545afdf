import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  authorize,
  aiSystemPolicy,
  ClassificationAnswers,
  classifyAiSystem,
  currentEuAiActRules,
  diffClassificationAxes,
  invalidState,
  obligationKey,
  planObligationSync,
  type Actor,
  type PendingEvent,
  type SystemClassificationDetail,
} from "@openaims/core";
import { tables, type Tx } from "@openaims/db";
import { lockAiSystem, parseInput, toAiSystemState } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  canClassify,
  classificationsOf,
  toTracked,
  type ObligationRow,
} from "./system-classification-records";

const { aiSystemClassifications: classifications, aiSystemObligations: obligations } = tables;

/**
 * Classifies an AI system server-side with the current rule data and stores the result as the next version
 * when the answers or the rule data differ from the current one (same answers and rule data: no write, no
 * event). In the same transaction the system's obligations follow: new ones are created, ones no longer
 * generated are marked not_applicable (kept), retired ones generated again are reopened. `ai_system.update`.
 */
export async function classifySystem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  aiSystemId: string,
  input: ClassificationAnswers,
): Promise<SystemClassificationDetail> {
  const answers = parseInput(ClassificationAnswers, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const system = await lockAiSystem(tx, actor.orgId, aiSystemId);
    authorize(actor, aiSystemPolicy, "update", toAiSystemState(system));
    if (system.archivedAt)
      throw invalidState("An archived AI system cannot be classified; restore it first.");
    const rules = currentEuAiActRules;
    const before = await classificationsOf(tx, actor.orgId, aiSystemId);
    const latest = before[0] ?? null;
    const detail = (history: typeof before): SystemClassificationDetail => ({
      aiSystemId,
      current: history[0] ?? null,
      history,
      currentRuleDataId: rules.id,
      abilities: { classify: canClassify(actor, system) },
    });
    if (latest && latest.ruleDataId === rules.id && isDeepStrictEqual(latest.answers, answers))
      return { result: detail(before), events: [] };

    const result = classifyAiSystem(answers, rules);
    const number = (latest?.number ?? 0) + 1;
    const now = ctx.now();
    const [stored] = await tx
      .insert(classifications)
      .values({
        orgId: actor.orgId,
        aiSystemId,
        number,
        answers,
        result,
        ruleDataId: rules.id,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: classifications.id });

    const sync = await syncObligations(tx, actor.orgId, aiSystemId, result.obligations, now);
    const event: PendingEvent = {
      type: "ai_system.classified",
      entityType: "ai_system",
      entityId: aiSystemId,
      payload: {
        classificationId: stored!.id,
        number,
        ruleDataId: rules.id,
        previousRuleDataId: latest?.ruleDataId ?? null,
        changed: diffClassificationAxes(latest?.result ?? null, result),
        ...sync,
      },
    };
    return { result: detail(await classificationsOf(tx, actor.orgId, aiSystemId)), events: [event] };
  });
}

/** Writes the sync plan; returns the obligation keys touched, for the audit payload. */
async function syncObligations(
  tx: Tx,
  orgId: string,
  aiSystemId: string,
  generated: ReturnType<typeof classifyAiSystem>["obligations"],
  now: Date,
) {
  const rows: ObligationRow[] = await tx
    .select()
    .from(obligations)
    .where(and(eq(obligations.orgId, orgId), eq(obligations.aiSystemId, aiSystemId)))
    .for("update");
  const plan = planObligationSync(rows.map(toTracked), generated);
  if (plan.create.length > 0)
    await tx.insert(obligations).values(
      plan.create.map((o) => ({
        orgId,
        aiSystemId,
        obligationId: o.id,
        role: o.role,
        article: o.article,
        title: o.title,
        appliesFrom: o.appliesFrom,
        basis: o.basis,
        createdAt: now,
        updatedAt: now,
      })),
    );
  if (plan.retire.length > 0)
    await tx
      .update(obligations)
      .set({
        status: "not_applicable",
        applicable: false,
        version: sql`${obligations.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(obligations.orgId, orgId),
          inArray(
            obligations.id,
            plan.retire.map((r) => r.rowId),
          ),
        ),
      );
  for (const { rowId, obligation: o } of [...plan.reopen, ...plan.refresh]) {
    const reopen = plan.reopen.some((r) => r.rowId === rowId);
    await tx
      .update(obligations)
      .set({
        article: o.article,
        title: o.title,
        appliesFrom: o.appliesFrom,
        basis: o.basis,
        ...(reopen ? { status: "open", applicable: true } : {}),
        version: sql`${obligations.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(obligations.orgId, orgId), eq(obligations.id, rowId)));
  }
  return {
    obligationsAdded: plan.create.map(obligationKey),
    obligationsRetired: plan.retire.map((r) => ({ key: r.key, previousStatus: r.previousStatus })),
    obligationsReopened: plan.reopen.map((r) => r.key),
    obligationsRefreshed: plan.refresh.map((r) => r.key),
  };
}
