import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  aiSystemFieldOfCsvColumn,
  decideCreateAiSystem,
  decideUpdateAiSystem,
  parseAiSystemCsvRow,
  type AiSystemFields,
  type FieldIssue,
  type ParsedCsvRow,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { aiSystemColumns, toAiSystemState, type AiSystemRow } from "./ai-system-records";
import type { AiSystemCsvFile, CsvRowError } from "./read-ai-system-csv";

export interface ImportPlan {
  total: number;
  creates: { id: string; fields: AiSystemFields; event: PendingEvent }[];
  updates: { current: AiSystemRow; changes: Partial<AiSystemFields>; event: PendingEvent }[];
  unchanged: number;
  errors: CsvRowError[];
}

const LOOKUP_CHUNK = 1000;
const chunks = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Members of the org (active or not) by lower-cased e-mail, in a few queries however many rows name them. A
 * deactivated member may stay the owner of a system that already has them, so an export re-imports cleanly.
 */
async function membersByEmail(
  db: Executor,
  orgId: string,
  emails: string[],
): Promise<Map<string, { id: string; active: boolean }>> {
  const out = new Map<string, { id: string; active: boolean }>();
  for (const part of chunks(emails, LOOKUP_CHUNK)) {
    const rows = await db
      .select({
        id: tables.users.id,
        email: sql<string>`lower(${tables.users.email})`,
        status: tables.memberships.status,
      })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(and(eq(tables.memberships.orgId, orgId), inArray(sql`lower(${tables.users.email})`, part)));
    for (const r of rows) out.set(r.email, { id: r.id, active: r.status === "active" });
  }
  return out;
}

/** The org's systems named by the file; locked when the plan is going to be applied. */
async function systemsById(
  db: Executor,
  orgId: string,
  ids: string[],
  lock: boolean,
): Promise<Map<string, AiSystemRow>> {
  const out = new Map<string, AiSystemRow>();
  const { aiSystems } = tables;
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const q = db
      .select(aiSystemColumns)
      .from(aiSystems)
      .where(and(eq(aiSystems.orgId, orgId), inArray(aiSystems.id, part)))
      .orderBy(aiSystems.id); // a fixed lock order, so two imports touching the same rows cannot deadlock
    for (const r of lock ? await q.for("update") : await q) out.set(r.id, r);
  }
  return out;
}

/** A cell left empty for a field that cannot be empty keeps the current value on update. */
const keepWhenEmpty = new Set<keyof AiSystemFields>(["lifecycleStage", "aiType"]);

/**
 * Decides, row by row, what an import would do: create (no id), update (id of a live system of this org),
 * leave unchanged, or reject with the line and the columns at fault. Reads only; applying is the caller's job.
 */
export async function planAiSystemImport(
  db: Executor,
  orgId: string,
  file: AiSystemCsvFile,
  lock: boolean,
): Promise<ImportPlan> {
  const errors: CsvRowError[] = [...file.errors];
  const good: { row: ParsedCsvRow; values: Record<string, string> }[] = [];
  for (const r of file.records) {
    const parsed = parseAiSystemCsvRow(r.values, r.line);
    if (parsed.ok) good.push({ row: parsed.row, values: r.values });
    else errors.push({ line: parsed.line, issues: parsed.errors });
  }
  const has = new Set(file.header);
  const emails = [...new Set(good.map((g) => g.row.ownerEmail).filter((e): e is string => !!e))];
  const ids = [...new Set(good.map((g) => g.row.id).filter((id): id is string => !!id))];
  const [owners, existing] = await Promise.all([
    membersByEmail(db, orgId, emails),
    systemsById(db, orgId, ids, lock),
  ]);
  const plan: ImportPlan = {
    total: file.records.length + file.errors.length,
    creates: [],
    updates: [],
    unchanged: 0,
    errors,
  };
  const firstLineOf = new Map<string, number>();
  for (const { row, values } of good) {
    const issues: FieldIssue[] = [];
    const current = row.id ? existing.get(row.id) : undefined;
    let ownerId: string | null = null;
    if (row.ownerEmail) {
      const member = owners.get(row.ownerEmail);
      if (member && (member.active || member.id === current?.ownerId)) ownerId = member.id;
      else
        issues.push({
          path: "owner_email",
          message: "is not the e-mail of an active member of this organization",
        });
    }
    if (row.id) {
      const first = firstLineOf.get(row.id);
      if (first !== undefined)
        issues.push({ path: "id", message: `appears twice in the file (also on line ${first})` });
      else firstLineOf.set(row.id, row.line);
      if (!current)
        issues.push({ path: "id", message: "there is no AI system with this id in this organization" });
      else if (current.archivedAt)
        issues.push({
          path: "id",
          message: "this AI system is archived; restore it before importing changes to it",
        });
      else if (row.version !== null && row.version !== current.version)
        issues.push({
          path: "version",
          message: `the AI system was changed after this file was exported (now version ${current.version})`,
        });
    }
    if (issues.length > 0) {
      errors.push({ line: row.line, issues });
      continue;
    }
    if (!current) {
      const id = randomUUID();
      const fields: AiSystemFields = { ...row.fields, ownerId };
      plan.creates.push({ id, fields, event: decideCreateAiSystem(id, fields) });
      continue;
    }
    // Only the columns the file has are compared, so a file with just id,tags changes only tags.
    const changes: Record<string, unknown> = {};
    for (const column of has) {
      const field = aiSystemFieldOfCsvColumn(column);
      if (!field) continue;
      if (field === "ownerId") changes.ownerId = ownerId;
      else if (!(keepWhenEmpty.has(field) && (values[column] ?? "").trim() === ""))
        changes[field] = row.fields[field as keyof typeof row.fields];
    }
    const state = toAiSystemState(current);
    const decision = decideUpdateAiSystem(state, changes as Partial<AiSystemFields>, current.version);
    if (decision) plan.updates.push({ current, changes: decision.changes, event: decision.event });
    else plan.unchanged += 1;
  }
  errors.sort((a, b) => a.line - b.line);
  return plan;
}
