import { randomUUID } from "node:crypto";
import {
  assertVersion,
  authorize,
  CreateMeasurementPolicyInput,
  measurementPolicy,
  MeasurementPolicyRule,
  notFound,
  policyRuleLabel,
  UpdateMeasurementPolicyInput,
  type Actor,
  type MeasurementPolicyList,
  type MeasurementPolicyView,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { and, eq, sql } from "drizzle-orm";
import { findAiSystem, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { measurementAbilities, policiesOf, presentPolicy } from "./measurement-records";

const event = (
  type: "measurement_policy.created" | "measurement_policy.updated" | "measurement_policy.deleted",
  id: string,
  payload: Record<string, unknown>,
): PendingEvent => ({ type, entityType: "measurement_policy", entityId: id, payload });

export async function listMeasurementPolicies(
  ctx: AppContext,
  actor: Actor,
  aiSystemId: string,
): Promise<MeasurementPolicyList> {
  authorize(actor, measurementPolicy, "read", { aiSystemId });
  await findAiSystem(ctx.database.db, actor.orgId, aiSystemId);
  const rows = await policiesOf(ctx.database.db, actor.orgId, aiSystemId);
  return { items: rows.map(presentPolicy), abilities: measurementAbilities(actor) };
}

export async function createMeasurementPolicy(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  aiSystemId: string,
  input: CreateMeasurementPolicyInput,
): Promise<MeasurementPolicyView> {
  authorize(actor, measurementPolicy, "setPolicies", { aiSystemId });
  const fields = parseInput(CreateMeasurementPolicyInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    await findAiSystem(tx, actor.orgId, aiSystemId);
    const id = randomUUID();
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.measurementPolicies)
      .values({
        id,
        orgId: actor.orgId,
        aiSystemId,
        rule: fields.rule,
        description: fields.description,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: presentPolicy(row!),
      events: [
        event("measurement_policy.created", id, {
          aiSystemId,
          rule: fields.rule,
          label: policyRuleLabel(fields.rule),
        }),
      ],
    };
  });
}

async function loadPolicy(tx: Executor, orgId: string, id: string) {
  const p = tables.measurementPolicies;
  const [row] = await tx
    .select()
    .from(p)
    .where(and(eq(p.orgId, orgId), eq(p.id, id)));
  if (!row) throw notFound("Measurement policy");
  return row;
}

/** Changes a rule or its description; runs already recorded keep the outcome they had. */
export async function updateMeasurementPolicy(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  policyId: string,
  input: UpdateMeasurementPolicyInput,
): Promise<MeasurementPolicyView> {
  const fields = parseInput(UpdateMeasurementPolicyInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await loadPolicy(tx, actor.orgId, policyId);
    authorize(actor, measurementPolicy, "setPolicies", { aiSystemId: current.aiSystemId });
    assertVersion(current, fields.version, "This measurement policy");
    const before = MeasurementPolicyRule.parse(current.rule);
    const diff: Record<string, [unknown, unknown]> = {};
    if (fields.rule && JSON.stringify(fields.rule) !== JSON.stringify(before))
      diff.rule = [before, fields.rule];
    if (fields.description !== undefined && fields.description !== current.description)
      diff.description = [current.description, fields.description];
    if (Object.keys(diff).length === 0) return { result: presentPolicy(current), events: [] };
    const p = tables.measurementPolicies;
    const [row] = await tx
      .update(p)
      .set({
        ...(diff.rule ? { rule: fields.rule } : {}),
        ...(diff.description ? { description: fields.description } : {}),
        version: sql`${p.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(and(eq(p.orgId, actor.orgId), eq(p.id, policyId)))
      .returning();
    return {
      result: presentPolicy(row!),
      events: [event("measurement_policy.updated", policyId, { aiSystemId: current.aiSystemId, diff })],
    };
  });
}

export async function deleteMeasurementPolicy(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  policyId: string,
  version: number,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const current = await loadPolicy(tx, actor.orgId, policyId);
    authorize(actor, measurementPolicy, "setPolicies", { aiSystemId: current.aiSystemId });
    assertVersion(current, version, "This measurement policy");
    const p = tables.measurementPolicies;
    await tx.delete(p).where(and(eq(p.orgId, actor.orgId), eq(p.id, policyId)));
    const rule = MeasurementPolicyRule.parse(current.rule);
    return {
      result: undefined,
      events: [
        event("measurement_policy.deleted", policyId, {
          aiSystemId: current.aiSystemId,
          rule,
          label: policyRuleLabel(rule),
        }),
      ],
    };
  });
}
