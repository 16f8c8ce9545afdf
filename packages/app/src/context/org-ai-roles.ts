import { and, eq } from "drizzle-orm";
import {
  abilitiesOf,
  assertVersion,
  authorize,
  conflict,
  contextPolicy,
  invalidState,
  orgAiRoleDescriptions,
  orgAiRoleKeys,
  orgAiRoleLabels,
  SetOrgAiRoleInput,
  type Actor,
  type AiRole,
  type OrgAiRolesView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";

const { orgAiRoles } = tables;

async function present(db: Executor, actor: Actor): Promise<OrgAiRolesView> {
  const rows = await db.select().from(orgAiRoles).where(eq(orgAiRoles.orgId, actor.orgId));
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return {
    items: orgAiRoleKeys.map((role) => {
      const row = byRole.get(role);
      return {
        role,
        label: orgAiRoleLabels[role],
        description: orgAiRoleDescriptions[role],
        plays: row !== undefined,
        note: row?.note ?? "",
        version: row?.version ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    }),
    abilities: abilitiesOf(actor, contextPolicy, {}),
  };
}

/** Every AI role, whether the organization plays it, and its note. */
export async function listOrgAiRoles(ctx: AppContext, actor: Actor): Promise<OrgAiRolesView> {
  authorize(actor, contextPolicy, "read", {});
  return present(ctx.database.db, actor);
}

/**
 * Records that the organization plays a role (or changes its note). Changing an existing one needs the version
 * read; adding a new one must not send a version.
 */
export async function setOrgAiRole(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  role: AiRole,
  input: SetOrgAiRoleInput,
): Promise<OrgAiRolesView> {
  authorize(actor, contextPolicy, "write", {});
  const { note, version } = parseInput(SetOrgAiRoleInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const [current] = await tx
      .select()
      .from(orgAiRoles)
      .where(and(eq(orgAiRoles.orgId, actor.orgId), eq(orgAiRoles.role, role)))
      .for("update");
    const now = ctx.now();
    if (!current) {
      if (version !== undefined)
        throw conflict("This role was removed by someone else since you loaded it; reload and try again.");
      const [row] = await tx
        .insert(orgAiRoles)
        .values({ orgId: actor.orgId, role, note, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict("Someone else recorded this role at the same time; reload and try again.");
      return {
        result: await present(tx, actor),
        events: [
          { type: "org_ai_role.added", entityType: "org_ai_role", entityId: row.id, payload: { role, note } },
        ],
      };
    }
    if (version === undefined)
      throw invalidState("This role is already recorded; send its version to change the note.");
    assertVersion(current, version, "This role");
    if (current.note === note) return { result: await present(tx, actor), events: [] };
    await tx
      .update(orgAiRoles)
      .set({ note, version: current.version + 1, updatedAt: now })
      .where(eq(orgAiRoles.id, current.id));
    return {
      result: await present(tx, actor),
      events: [
        {
          type: "org_ai_role.updated",
          entityType: "org_ai_role",
          entityId: current.id,
          payload: { role, diff: { note: [current.note, note] } },
        },
      ],
    };
  });
}

export async function removeOrgAiRole(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  role: AiRole,
  version: number,
): Promise<OrgAiRolesView> {
  authorize(actor, contextPolicy, "write", {});
  return runCommand(ctx, actor, meta, async (tx) => {
    const [current] = await tx
      .select()
      .from(orgAiRoles)
      .where(and(eq(orgAiRoles.orgId, actor.orgId), eq(orgAiRoles.role, role)))
      .for("update");
    if (!current) throw invalidState("The organization is not recorded as playing this role.");
    assertVersion(current, version, "This role");
    await tx.delete(orgAiRoles).where(eq(orgAiRoles.id, current.id));
    return {
      result: await present(tx, actor),
      events: [
        {
          type: "org_ai_role.removed",
          entityType: "org_ai_role",
          entityId: current.id,
          payload: { role, note: current.note },
        },
      ],
    };
  });
}
