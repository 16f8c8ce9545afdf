import { and, eq } from "drizzle-orm";
import {
  assertVersion,
  authorize,
  aiSystemPolicy,
  invalidInput,
  invalidState,
  notFound,
  UpdateObligationInput,
  type Actor,
  type SystemObligationView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, lockAiSystem, parseInput, toAiSystemState } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { obligationLinksOf, replaceObligationLinks } from "./obligation-links";
import { presentObligation } from "./system-classification-records";

const { aiSystemObligations: obligations } = tables;

/**
 * Edits a tracked obligation: status, owner, due date (not later than appliesFrom; null = appliesFrom), notes and
 * the evidence and documents linked to it. Stale `version` → 409; nothing changed → no write, no event.
 * `ai_system.update` on a system not archived.
 */
export async function updateSystemObligation(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  aiSystemId: string,
  obligationRowId: string,
  input: UpdateObligationInput,
): Promise<SystemObligationView> {
  const { version, links, ...changes } = parseInput(UpdateObligationInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const system = await lockAiSystem(tx, actor.orgId, aiSystemId);
    const [row] = await tx
      .select()
      .from(obligations)
      .where(
        and(
          eq(obligations.orgId, actor.orgId),
          eq(obligations.aiSystemId, aiSystemId),
          eq(obligations.id, obligationRowId),
        ),
      )
      .for("update");
    if (!row) throw notFound("Obligation");
    authorize(actor, aiSystemPolicy, "update", toAiSystemState(system));
    if (system.archivedAt) throw invalidState("The obligations of an archived AI system are read-only.");
    assertVersion(row, version, "This obligation");

    const next = {
      status: changes.status ?? row.status,
      ownerId: changes.ownerId === undefined ? row.ownerId : changes.ownerId,
      dueDate: changes.dueDate === undefined ? row.dueDate : changes.dueDate,
      notes: changes.notes ?? row.notes,
    };
    if (!row.applicable && next.status !== "not_applicable")
      throw invalidState(
        "The current classification no longer generates this obligation; it stays not_applicable unless a new classification brings it back.",
        { issues: [{ path: "status", message: "must stay not_applicable" }] },
      );
    if (next.dueDate !== null && next.dueDate > row.appliesFrom)
      throw invalidInput(
        `dueDate: must not be later than ${row.appliesFrom}, the date the obligation applies from.`,
        {
          issues: [{ path: "dueDate", message: `must not be later than ${row.appliesFrom}` }],
        },
      );
    const changed: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[])
      if (next[k] !== row[k]) changed[k] = [row[k], next[k]];
    const ownerName = next.ownerId ? await activeOwnerName(tx, actor.orgId, next.ownerId) : null;
    const now = ctx.now();
    const linkChange = links
      ? await replaceObligationLinks(tx, actor.orgId, row.id, links, actor.userId, now)
      : { added: [], removed: [], events: [] };
    const linksChanged = linkChange.added.length + linkChange.removed.length > 0;
    const present = async (r: typeof row) =>
      presentObligation(
        r,
        ownerName,
        true,
        (await obligationLinksOf(tx, actor.orgId, [r.id])).get(r.id) ?? [],
        now,
      );
    if (Object.keys(changed).length === 0 && !linksChanged) return { result: await present(row), events: [] };

    const [updated] = await tx
      .update(obligations)
      .set({ ...next, version: row.version + 1, updatedAt: now })
      .where(and(eq(obligations.orgId, actor.orgId), eq(obligations.id, row.id)))
      .returning();
    return {
      result: await present(updated!),
      events: [
        {
          type: "ai_system.obligation_updated",
          entityType: "ai_system_obligation",
          entityId: row.id,
          payload: {
            aiSystemId,
            obligationId: row.obligationId,
            role: row.role,
            changed,
            ...(linksChanged ? { links: { added: linkChange.added, removed: linkChange.removed } } : {}),
          },
        },
        ...linkChange.events,
      ],
    };
  });
}
