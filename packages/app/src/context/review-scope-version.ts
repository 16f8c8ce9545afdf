import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideApproveScope,
  decideRejectScope,
  decideSubmitScope,
  ScopeActionInput,
  scopePolicy,
  type Actor,
  type ScopeVersionView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  currentScopeRows,
  findScopeVersion,
  lockScope,
  presentScopeVersion,
  toScopeState,
} from "./scope-records";

const { scopeVersions } = tables;

/** Sends a draft for approval; it is frozen until approved or sent back. */
export async function submitScopeVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: ScopeActionInput,
): Promise<ScopeVersionView> {
  const { version } = parseInput(ScopeActionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findScopeVersion(tx, actor.orgId, number, { lock: true });
    const state = toScopeState(current);
    authorize(actor, scopePolicy, "submit", state);
    const event = decideSubmitScope(state, version);
    const now = ctx.now();
    const [row] = await tx
      .update(scopeVersions)
      .set({
        status: "in_review",
        submittedBy: actor.userId,
        submittedAt: now,
        rejectionNote: null,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(and(eq(scopeVersions.orgId, actor.orgId), eq(scopeVersions.id, current.id)))
      .returning();
    return { result: await presentScopeVersion(tx, actor, row!), events: [event] };
  });
}

/** Approves a version in review (four-eyes); the scope in force until now becomes superseded. */
export async function approveScopeVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: ScopeActionInput,
): Promise<ScopeVersionView> {
  const { version } = parseInput(ScopeActionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    await lockScope(tx, actor.orgId);
    const current = await findScopeVersion(tx, actor.orgId, number, { lock: true });
    const state = toScopeState(current);
    authorize(actor, scopePolicy, "approve", state);
    const { approved: inForce } = await currentScopeRows(tx, actor.orgId);
    const events = decideApproveScope(state, version, actor.userId, inForce);
    const now = ctx.now();
    if (inForce)
      await tx
        .update(scopeVersions)
        .set({ status: "superseded", supersededAt: now, version: inForce.version + 1, updatedAt: now })
        .where(and(eq(scopeVersions.orgId, actor.orgId), eq(scopeVersions.id, inForce.id)));
    const [row] = await tx
      .update(scopeVersions)
      .set({
        status: "approved",
        approvedBy: actor.userId,
        approvedAt: now,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(and(eq(scopeVersions.orgId, actor.orgId), eq(scopeVersions.id, current.id)))
      .returning();
    return { result: await presentScopeVersion(tx, actor, row!), events };
  });
}

/** Sends a version in review back to draft with a note saying why. */
export async function rejectScopeVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: ScopeActionInput,
): Promise<ScopeVersionView> {
  const { version, note = "" } = parseInput(ScopeActionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findScopeVersion(tx, actor.orgId, number, { lock: true });
    const state = toScopeState(current);
    authorize(actor, scopePolicy, "reject", state);
    const event = decideRejectScope(state, version, note);
    const [row] = await tx
      .update(scopeVersions)
      .set({
        status: "draft",
        rejectionNote: note || null,
        submittedBy: null,
        submittedAt: null,
        version: current.version + 1,
        updatedAt: ctx.now(),
      })
      .where(and(eq(scopeVersions.orgId, actor.orgId), eq(scopeVersions.id, current.id)))
      .returning();
    return { result: await presentScopeVersion(tx, actor, row!), events: [event] };
  });
}
