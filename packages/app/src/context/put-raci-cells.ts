import { and, eq, inArray } from "drizzle-orm";
import {
  assertVersion,
  authorize,
  diffRaciRow,
  invalidInput,
  PutRaciCellsInput,
  raciPartyKey,
  raciPolicy,
  type Actor,
  type FieldIssue,
  type PendingEvent,
  type RaciAssignment,
  type RaciMatrixView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadRaciMatrix, raciCandidates } from "./raci-records";

const { raciActivities, raciAssignments } = tables;

/**
 * Replaces the letters of the rows sent. Rows whose version is stale fail the whole request (409). The one-A
 * rule is not enforced here: the answer reports it in `issues`/`complete`, so a matrix can be saved half done.
 */
export async function putRaciCells(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: PutRaciCellsInput,
): Promise<RaciMatrixView> {
  authorize(actor, raciPolicy, "write", {});
  const { rows } = parseInput(PutRaciCellsInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const ids = [...new Set(rows.map((r) => r.activityId))];
    if (ids.length !== rows.length)
      throw invalidInput("Each activity may appear once.", {
        issues: [{ path: "rows", message: "names an activity twice" }],
      });
    const current = await tx
      .select()
      .from(raciActivities)
      .where(and(eq(raciActivities.orgId, actor.orgId), inArray(raciActivities.id, ids)))
      .orderBy(raciActivities.id)
      .for("update");
    const byId = new Map(current.map((a) => [a.id, a]));
    const missing = rows.findIndex((r) => !byId.has(r.activityId));
    if (missing >= 0)
      throw invalidInput("No such activity in this organization.", {
        issues: [{ path: `rows.${missing}.activityId`, message: "is not an activity of this organization" }],
      });
    const existing = await tx
      .select()
      .from(raciAssignments)
      .where(and(eq(raciAssignments.orgId, actor.orgId), inArray(raciAssignments.activityId, ids)));
    const before = new Map<string, RaciAssignment[]>();
    for (const e of existing)
      before.set(e.activityId, [
        ...(before.get(e.activityId) ?? []),
        { type: e.partyType, key: e.partyKey, letter: e.letter } as RaciAssignment,
      ]);
    const candidates = await raciCandidates(tx, actor.orgId);
    const issues: FieldIssue[] = [];
    rows.forEach((r, i) => {
      assertVersion(byId.get(r.activityId)!, r.version, `Activity "${byId.get(r.activityId)!.title}"`);
      const had = new Set((before.get(r.activityId) ?? []).map(raciPartyKey));
      const seen = new Set<string>();
      r.assignments.forEach((a, j) => {
        const k = raciPartyKey(a);
        const c = candidates.get(k);
        if (seen.has(k))
          issues.push({ path: `rows.${i}.assignments.${j}`, message: "names this column twice" });
        else if (!c && !had.has(k))
          issues.push({
            path: `rows.${i}.assignments.${j}.key`,
            message: `no ${a.type} ${a.key} in this organization`,
          });
        else if (c && !c.active && !had.has(k))
          issues.push({ path: `rows.${i}.assignments.${j}.key`, message: `${c.label} is no longer active` });
        seen.add(k);
      });
    });
    if (issues.length > 0) throw invalidInput(`${issues[0]!.path}: ${issues[0]!.message}`, { issues });
    const now = ctx.now();
    const events: PendingEvent[] = [];
    for (const r of rows) {
      const changes = diffRaciRow(before.get(r.activityId) ?? [], r.assignments);
      if (Object.keys(changes).length === 0) continue;
      const activity = byId.get(r.activityId)!;
      await tx
        .delete(raciAssignments)
        .where(and(eq(raciAssignments.orgId, actor.orgId), eq(raciAssignments.activityId, r.activityId)));
      if (r.assignments.length > 0)
        await tx.insert(raciAssignments).values(
          r.assignments.map((a) => ({
            orgId: actor.orgId,
            activityId: r.activityId,
            partyType: a.type,
            partyKey: a.key,
            letter: a.letter,
            createdAt: now,
            updatedAt: now,
          })),
        );
      await tx
        .update(raciActivities)
        .set({ version: activity.version + 1, updatedAt: now })
        .where(eq(raciActivities.id, activity.id));
      events.push({
        type: "raci_activity.assignments_changed",
        entityType: "raci_activity",
        entityId: activity.id,
        payload: { title: activity.title, diff: changes },
      });
    }
    return { result: await loadRaciMatrix(tx, actor), events };
  });
}
