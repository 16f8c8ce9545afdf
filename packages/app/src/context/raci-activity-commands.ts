import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import {
  assertVersion,
  authorize,
  CreateRaciActivityInput,
  decideCreateRecord,
  decideUpdateRecord,
  defaultRaciActivities,
  invalidInput,
  invalidState,
  MAX_RACI_ACTIVITIES,
  raciPolicy,
  resolveFrameworkNode,
  UpdateRaciActivityInput,
  type Actor,
  type RaciMatrixView,
  type SeedRaciResult,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findRaciActivity, loadRaciMatrix } from "./raci-records";

const { raciActivities } = tables;
const activityFields = ["title", "description", "frameworkNode", "position"] as const;

function nodeRef(ref: string | null | undefined): string | null | undefined {
  if (ref === null || ref === undefined) return ref;
  const node = resolveFrameworkNode(ref);
  if (!node)
    throw invalidInput(`frameworkNode: no framework node ${ref}.`, {
      issues: [{ path: "frameworkNode", message: `no framework node ${ref}` }],
    });
  return node.id;
}

/** Locks the org's activity list for appends and says how many there are and the next position. */
async function activityStats(tx: Executor, orgId: string): Promise<{ count: number; nextPosition: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`openaims:raci:${orgId}`}))`);
  const [s] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      next: sql<number>`coalesce(max(${raciActivities.position}) + 1, 0)::int`,
    })
    .from(raciActivities)
    .where(eq(raciActivities.orgId, orgId));
  return { count: s?.count ?? 0, nextPosition: s?.next ?? 0 };
}

const tooMany = () =>
  invalidState(`A RACI matrix holds at most ${MAX_RACI_ACTIVITIES} activities; merge or delete some first.`);

export async function createRaciActivity(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateRaciActivityInput,
): Promise<RaciMatrixView> {
  authorize(actor, raciPolicy, "write", {});
  const fields = parseInput(CreateRaciActivityInput, input);
  const frameworkNode = nodeRef(fields.frameworkNode) ?? null;
  return runCommand(ctx, actor, meta, async (tx) => {
    const { count, nextPosition } = await activityStats(tx, actor.orgId);
    if (count >= MAX_RACI_ACTIVITIES) throw tooMany();
    const id = randomUUID();
    const now = ctx.now();
    const values = { ...fields, frameworkNode, position: nextPosition };
    await tx
      .insert(raciActivities)
      .values({ ...values, id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now });
    const event = decideCreateRecord("raci_activity", id, values, activityFields);
    return { result: await loadRaciMatrix(tx, actor), events: [event] };
  });
}

export async function updateRaciActivity(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateRaciActivityInput,
): Promise<RaciMatrixView> {
  const { version, ...changes } = parseInput(UpdateRaciActivityInput, input);
  if (changes.frameworkNode !== undefined) changes.frameworkNode = nodeRef(changes.frameworkNode) ?? null;
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findRaciActivity(tx, actor.orgId, id, { lock: true });
    authorize(actor, raciPolicy, "write", {});
    const decision = decideUpdateRecord(
      "raci_activity",
      current,
      changes,
      version,
      activityFields,
      "This activity",
    );
    if (!decision) return { result: await loadRaciMatrix(tx, actor), events: [] };
    await tx
      .update(raciActivities)
      .set({ ...decision.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(raciActivities.orgId, actor.orgId), eq(raciActivities.id, id)));
    return { result: await loadRaciMatrix(tx, actor), events: [decision.event] };
  });
}

/** Deletes an activity and its letters (cascade); the audit trail keeps its title. */
export async function deleteRaciActivity(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<RaciMatrixView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findRaciActivity(tx, actor.orgId, id, { lock: true });
    authorize(actor, raciPolicy, "write", {});
    assertVersion(current, version, "This activity");
    await tx
      .delete(raciActivities)
      .where(and(eq(raciActivities.orgId, actor.orgId), eq(raciActivities.id, id)));
    return {
      result: await loadRaciMatrix(tx, actor),
      events: [
        {
          type: "raci_activity.deleted",
          entityType: "raci_activity",
          entityId: id,
          payload: { title: current.title },
        },
      ],
    };
  });
}

/** Adds the default AIMS activities whose title is not in the matrix yet (so seeding twice adds nothing). */
export async function seedRaciActivities(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
): Promise<SeedRaciResult> {
  authorize(actor, raciPolicy, "write", {});
  return runCommand(ctx, actor, meta, async (tx) => {
    const { count, nextPosition } = await activityStats(tx, actor.orgId);
    const have = new Set(
      (
        await tx
          .select({ title: raciActivities.title })
          .from(raciActivities)
          .where(eq(raciActivities.orgId, actor.orgId))
      ).map((r) => r.title.toLowerCase()),
    );
    const toAdd = defaultRaciActivities.filter((a) => !have.has(a.title.toLowerCase()));
    if (count + toAdd.length > MAX_RACI_ACTIVITIES) throw tooMany();
    const now = ctx.now();
    const rows = toAdd.map((a, i) => ({
      id: randomUUID(),
      orgId: actor.orgId,
      title: a.title,
      description: a.description,
      frameworkNode: resolveFrameworkNode(a.node)!.id,
      position: nextPosition + i,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    }));
    if (rows.length > 0) await tx.insert(raciActivities).values(rows);
    const events = rows.map((r) =>
      decideCreateRecord("raci_activity", r.id, r, activityFields, { via: "seed" }),
    );
    return { result: { added: rows.length, matrix: await loadRaciMatrix(tx, actor) }, events };
  });
}
