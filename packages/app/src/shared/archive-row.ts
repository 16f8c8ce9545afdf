import { and, eq } from "drizzle-orm";
import { authorize, type Actor, type PendingEvent, type Policy } from "@openaims/core";
import { tables, type Tx } from "@openaims/db";
import type { AppContext, RequestMeta } from "./context";
import { runCommand } from "./run-command";

/** The tables whose rows are archived and restored (a nullable `archived_at`) under optimistic `version`. */
export type ArchivableTable =
  | typeof tables.aiSystems
  | typeof tables.evidence
  | typeof tables.objectives
  | typeof tables.appliedControls
  | typeof tables.contextIssues
  | typeof tables.aiModels
  | typeof tables.datasets
  | typeof tables.vendors;

/**
 * Writes an archive (`archive`) or restore decided by the caller: sets or clears `archived_at` and moves the row
 * one version on from `current.version`. The caller has locked the row, authorized and decided the transition.
 */
export async function writeArchived(
  tx: Tx,
  table: ArchivableTable,
  current: { orgId: string; id: string; version: number },
  archive: boolean,
  now: Date,
): Promise<void> {
  // one table's type stands for all: every member of the union has these columns with the same types
  const t = table as typeof tables.aiSystems;
  await tx
    .update(t)
    .set({ archivedAt: archive ? now : null, version: current.version + 1, updatedAt: now })
    .where(and(eq(t.orgId, current.orgId), eq(t.id, current.id)));
}

/** How one kind of record is archived and restored: its table, its lock, policy, decision and view. */
export interface ArchiveSpec<Row extends { orgId: string; id: string; version: number }, View> {
  table: ArchivableTable;
  lock: (tx: Tx, orgId: string, id: string) => Promise<Row>;
  policy: Policy<Row, "archive" | "restore">;
  decide: (current: Row, expectedVersion: number, archive: boolean) => PendingEvent;
  load: (tx: Tx, actor: Actor, id: string, now: Date) => Promise<View>;
}

/**
 * The archive and restore use cases of a record kind whose rule is the plain one: lock → authorize → decide →
 * write `archived_at` one version on → present, with the decided event, in one transaction.
 */
export function archiveCommands<Row extends { orgId: string; id: string; version: number }, View>(
  spec: ArchiveSpec<Row, View>,
) {
  const setArchived =
    (archive: boolean) =>
    (ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, version: number): Promise<View> =>
      runCommand(ctx, actor, meta, async (tx) => {
        const current = await spec.lock(tx, actor.orgId, id);
        authorize(actor, spec.policy, archive ? "archive" : "restore", current);
        const event = spec.decide(current, version, archive);
        const now = ctx.now();
        await writeArchived(tx, spec.table, current, archive, now);
        return { result: await spec.load(tx, actor, id, now), events: [event] };
      });
  return { archive: setArchived(true), restore: setArchived(false) };
}
