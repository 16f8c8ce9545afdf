import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  aiSystemFieldNames,
  aiSystemPolicy,
  authorize,
  invalidInput,
  type Actor,
  type AiSystemImportReport,
  type ImportAiSystemsQuery,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Tx } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { planAiSystemImport, type ImportPlan } from "./plan-ai-system-import";
import { readAiSystemCsv } from "./read-ai-system-csv";

export interface ImportAiSystemsInput extends Partial<ImportAiSystemsQuery> {
  csv: string;
}

/** Rows per INSERT statement: large enough to be fast, small enough for any parameter limit. */
const WRITE_CHUNK = 500;

function reportOf(plan: ImportPlan, mode: ImportAiSystemsQuery["mode"], dryRun: boolean, applied: boolean) {
  return {
    dryRun,
    applied,
    mode,
    total: plan.total,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    invalid: plan.errors.length,
    errors: plan.errors,
  } satisfies AiSystemImportReport;
}

/**
 * Creates (rows without id) and updates (rows with the id of a live system) AI systems from CSV, in one
 * transaction with batched writes: one audit event per created or updated system plus one summary event.
 * `all_or_nothing` stores nothing when any row is invalid (400 with the report as details); `skip_invalid`
 * stores the valid rows and reports the others; a dry run only reports.
 */
export async function importAiSystems(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: ImportAiSystemsInput,
): Promise<AiSystemImportReport> {
  authorize(actor, aiSystemPolicy, "import", { archivedAt: null });
  const mode = input.mode ?? "all_or_nothing";
  const file = readAiSystemCsv(input.csv);
  if (input.dryRun) {
    const plan = await planAiSystemImport(ctx.database.db, actor.orgId, file, false);
    return reportOf(plan, mode, true, false);
  }
  return runCommand(ctx, actor, meta, async (tx) => {
    const plan = await planAiSystemImport(tx, actor.orgId, file, true);
    if (plan.errors.length > 0 && mode === "all_or_nothing") {
      const report = reportOf(plan, mode, false, false);
      const first = plan.errors[0]!;
      throw invalidInput(
        `${report.invalid} of ${report.total} rows are not valid, so nothing was imported ` +
          `(first: line ${first.line}, ${first.issues[0]?.path}: ${first.issues[0]?.message}). ` +
          `Fix them, or import with mode=skip_invalid.`,
        report,
      );
    }
    const importId = randomUUID();
    await writePlan(tx, actor, plan, ctx.now());
    const stamp = (e: PendingEvent): PendingEvent => ({
      ...e,
      payload: { ...e.payload, via: "import", importId },
    });
    const report = reportOf(plan, mode, false, true);
    const events: PendingEvent[] = [
      ...plan.creates.map((c) => stamp(c.event)),
      ...plan.updates.map((u) => stamp(u.event)),
      {
        type: "ai_system.imported",
        entityType: "organization",
        entityId: actor.orgId,
        payload: {
          importId,
          mode,
          total: report.total,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          invalid: report.invalid,
        },
      },
    ];
    return { result: report, events };
  });
}

async function writePlan(tx: Tx, actor: Actor, plan: ImportPlan, now: Date): Promise<void> {
  const { aiSystems } = tables;
  for (let i = 0; i < plan.creates.length; i += WRITE_CHUNK) {
    await tx.insert(aiSystems).values(
      plan.creates.slice(i, i + WRITE_CHUNK).map((c) => ({
        ...c.fields,
        id: c.id,
        orgId: actor.orgId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  // Updates as one multi-row upsert per chunk: the rows exist (locked by the plan), so every row takes the
  // ON CONFLICT branch, which copies the merged fields from `excluded`.
  const set: Record<string, unknown> = {
    version: sql`excluded.version`,
    updatedAt: sql`excluded.updated_at`,
  };
  for (const f of aiSystemFieldNames) set[f] = sql`excluded.${sql.identifier(aiSystems[f].name)}`;
  for (let i = 0; i < plan.updates.length; i += WRITE_CHUNK) {
    await tx
      .insert(aiSystems)
      .values(
        plan.updates
          .slice(i, i + WRITE_CHUNK)
          .map((u) => ({ ...u.current, ...u.changes, version: u.current.version + 1, updatedAt: now })),
      )
      .onConflictDoUpdate({ target: aiSystems.id, set, setWhere: eq(aiSystems.orgId, actor.orgId) });
  }
}
