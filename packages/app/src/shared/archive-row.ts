import { and, eq } from "drizzle-orm";
import { tables, type Tx } from "@openaims/db";

/** The tables whose rows are archived and restored (a nullable `archived_at`) under optimistic `version`. */
export type ArchivableTable =
  | typeof tables.aiSystems
  | typeof tables.evidence
  | typeof tables.objectives
  | typeof tables.appliedControls
  | typeof tables.contextIssues;

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
