import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  authorize,
  conflict,
  decideUpdateSoaEntry,
  frameworkNodeRef,
  invalidInput,
  isAnnexAControlId,
  notFound,
  soaFrameworkId,
  soaPolicy,
  UpdateSoaEntryInput,
  type Actor,
  type ImplementationStatus,
  type SoaEntryState,
  type SoaEntryView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { liveAppliedControlNames, uuidLike } from "./applied-control-records";
import { presentSoaEntry } from "./get-soa";
import { loadSoaWorkingState } from "./soa-working-state";

const e = tables.soaEntries;
const l = tables.recordLinks;

/** Which control a path names: an Annex A id, or a live additional applied control of the org. */
async function resolveControl(
  db: Executor,
  orgId: string,
  controlId: string,
): Promise<"annex_a" | "additional"> {
  if (isAnnexAControlId(controlId)) return "annex_a";
  if (uuidLike(controlId)) {
    const [c] = await db
      .select({
        additional: tables.appliedControls.additional,
        archivedAt: tables.appliedControls.archivedAt,
      })
      .from(tables.appliedControls)
      .where(and(eq(tables.appliedControls.orgId, orgId), eq(tables.appliedControls.id, controlId)));
    if (c?.additional && !c.archivedAt) return "additional";
  }
  throw notFound(`SoA control ${controlId}`);
}

/**
 * Edits one SoA entry (creating its row on the first edit; an untouched entry is version 0). Linked applied
 * controls are record links applied_control → framework node, so `appliedControlIds` adds and removes those.
 */
export async function updateSoaEntry(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  controlId: string,
  input: UpdateSoaEntryInput,
): Promise<SoaEntryView> {
  const { version, ...changes } = parseInput(UpdateSoaEntryInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const kind = await resolveControl(tx, actor.orgId, controlId);
    authorize(actor, soaPolicy, "update", {});
    const [row] = await tx
      .select()
      .from(e)
      .where(and(eq(e.orgId, actor.orgId), eq(e.frameworkId, soaFrameworkId), eq(e.controlId, controlId)))
      .for("update");
    const nodeRef = kind === "annex_a" ? frameworkNodeRef(soaFrameworkId, controlId) : null;
    const linked = nodeRef ? await linkedControlIds(tx, actor.orgId, nodeRef) : [];
    const current: SoaEntryState = {
      entryId: row?.id ?? null,
      controlId,
      kind,
      applicable: row?.applicable ?? null,
      justification: row?.justification ?? "",
      implementationStatus: (row?.implementationStatus ?? "not_started") as ImplementationStatus,
      ownerId: row?.ownerId ?? null,
      notes: row?.notes ?? "",
      appliedControlIds: linked,
      version: row?.version ?? 0,
    };
    const entryId = row?.id ?? randomUUID();
    const decision = decideUpdateSoaEntry(current, changes, version, entryId);
    if (decision) {
      if (changes.ownerId && decision.fields.ownerId !== current.ownerId)
        await activeOwnerName(tx, actor.orgId, changes.ownerId);
      await persistEntry(tx, actor, ctx.now(), row ?? null, entryId, controlId, kind, decision.fields);
      if (nodeRef) await relinkControls(tx, actor, nodeRef, decision.appliedControls);
    }
    const state = await loadSoaWorkingState(tx, actor.orgId);
    const entry = state.find((x) => x.controlId === controlId)!;
    return { result: presentSoaEntry(entry, { update: true }), events: decision ? [decision.event] : [] };
  });
}

async function linkedControlIds(db: Executor, orgId: string, nodeRef: string): Promise<string[]> {
  const rows = await db
    .select({ id: l.sourceId })
    .from(l)
    .where(
      and(
        eq(l.orgId, orgId),
        eq(l.sourceType, "applied_control"),
        eq(l.targetType, "framework_node"),
        eq(l.targetId, nodeRef),
      ),
    );
  const live = await liveAppliedControlNames(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => r.id).filter((id) => live.has(id));
}

async function persistEntry(
  tx: Executor,
  actor: Actor,
  now: Date,
  row: typeof e.$inferSelect | null,
  entryId: string,
  controlId: string,
  kind: "annex_a" | "additional",
  fields: NonNullable<ReturnType<typeof decideUpdateSoaEntry>>["fields"],
): Promise<void> {
  if (row) {
    await tx
      .update(e)
      .set({ ...fields, version: row.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(and(eq(e.orgId, actor.orgId), eq(e.id, row.id)));
    return;
  }
  const inserted = await tx
    .insert(e)
    .values({
      ...fields,
      id: entryId,
      orgId: actor.orgId,
      frameworkId: soaFrameworkId,
      controlId,
      additionalControlId: kind === "additional" ? controlId : null,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: e.id });
  // someone else created the entry since it was read as version 0
  if (inserted.length === 0)
    throw conflict(`The SoA entry ${controlId} was changed by someone else. Reload and try again.`, {
      currentVersion: 1,
    });
}

async function relinkControls(
  tx: Executor,
  actor: Actor,
  nodeRef: string,
  change: { added: string[]; removed: string[] },
): Promise<void> {
  if (change.added.length > 0) {
    const live = await liveAppliedControlNames(tx, actor.orgId, change.added);
    const issues = change.added
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !live.has(id))
      .map(({ id }) => ({
        path: "appliedControlIds",
        message: `no live applied control ${id} in this organization`,
      }));
    if (issues.length > 0) throw invalidInput(`appliedControlIds: ${issues[0]!.message}.`, { issues });
    await tx
      .insert(l)
      .values(
        change.added.map((id) => ({
          orgId: actor.orgId,
          sourceType: "applied_control",
          sourceId: id,
          targetType: "framework_node",
          targetId: nodeRef,
          createdBy: actor.userId,
        })),
      )
      .onConflictDoNothing();
  }
  if (change.removed.length > 0)
    await tx
      .delete(l)
      .where(
        and(
          eq(l.orgId, actor.orgId),
          eq(l.sourceType, "applied_control"),
          inArray(l.sourceId, change.removed),
          eq(l.targetType, "framework_node"),
          eq(l.targetId, nodeRef),
        ),
      );
}
