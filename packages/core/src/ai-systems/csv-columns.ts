import { z } from "zod";
import { describeIssues, type FieldIssue } from "../shared/zod-issues";
import { CreateAiSystemInput, type AiSystemFields } from "../schemas/ai-systems";

/** CSV columns of the AI system register; list fields are separated by `;` inside one cell. */
export const aiSystemCsvColumns = [
  "id",
  "name",
  "purpose",
  "description",
  "owner_email",
  "business_unit",
  "lifecycle_stage",
  "ai_type",
  "ai_roles",
  "deployment_context",
  "geographies",
  "affected_stakeholders",
  "human_oversight",
  "tags",
] as const;
export const aiSystemCsvExportColumns = [
  ...aiSystemCsvColumns,
  "version",
  "archived_at",
  "created_at",
  "updated_at",
] as const;

/**
 * Spreadsheets run cells that start with = + - @ (or a tab/CR) as formulas, so export prefixes them with an
 * apostrophe (OWASP "CSV injection"); import removes exactly that prefix again, so export → import round-trips.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const escapeCsvFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
export const unescapeCsvFormula = (s: string): string =>
  s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;

const listCell = (s: string | undefined) =>
  unescapeCsvFormula((s ?? "").trim())
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);
const textCell = (s: string | undefined) => unescapeCsvFormula((s ?? "").trim()).trim();

export interface ParsedCsvRow {
  /** 1-based line number in the file, header = line 1 */
  line: number;
  id: string | null;
  ownerEmail: string | null;
  /** the version the row was exported at, when the file has a version column: updates check it */
  version: number | null;
  fields: Omit<AiSystemFields, "ownerId">;
}
export type CsvRowResult =
  { ok: true; row: ParsedCsvRow } | { ok: false; line: number; errors: FieldIssue[] };

const csvToField: Record<string, string> = {
  business_unit: "businessUnit",
  lifecycle_stage: "lifecycleStage",
  ai_type: "aiType",
  ai_roles: "aiRoles",
  deployment_context: "deploymentContext",
  affected_stakeholders: "affectedStakeholders",
  human_oversight: "humanOversight",
  owner_email: "ownerEmail",
};
const fieldToCsv = Object.fromEntries(Object.entries(csvToField).map(([k, v]) => [v, k]));

/** The AI system field a CSV column sets (`owner_email` sets `ownerId`); null for read-only columns. */
export function aiSystemFieldOfCsvColumn(column: string): keyof AiSystemFields | null {
  if (column === "owner_email") return "ownerId";
  if (column === "id" || !(aiSystemCsvColumns as readonly string[]).includes(column)) return null;
  return (csvToField[column] ?? column) as keyof AiSystemFields;
}

/** Header problems: unknown columns, a missing `name`, duplicates. Empty list = fine. */
export function checkAiSystemCsvHeader(header: string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set<string>(aiSystemCsvExportColumns);
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.has(h))
      issues.push({ path: h, message: `unknown column; expected some of: ${aiSystemCsvColumns.join(", ")}` });
    if (seen.has(h)) issues.push({ path: h, message: "column appears twice" });
    seen.add(h);
  }
  if (!header.includes("name")) issues.push({ path: "name", message: "the name column is required" });
  return issues;
}

/** Validates one CSV record with the same schema the API uses; errors name the CSV column. */
export function parseAiSystemCsvRow(record: Record<string, string>, line: number): CsvRowResult {
  const id = textCell(record.id) || null;
  const errors: FieldIssue[] = [];
  for (const [column, value] of Object.entries(record)) {
    // PostgreSQL cannot store NUL in text; catch it here so the row, not the whole import, fails.
    if (value.includes("\u0000")) errors.push({ path: column, message: "contains a NUL character" });
  }
  if (errors.length > 0) return { ok: false, line, errors };
  const versionCell = textCell(record.version);
  const version = versionCell ? Number(versionCell) : null;
  if (version !== null && !(Number.isInteger(version) && version >= 1))
    errors.push({ path: "version", message: "must be a whole number of at least 1 or empty" });
  if (id && !z.uuid().safeParse(id).success) errors.push({ path: "id", message: "must be a UUID or empty" });
  const ownerEmail = textCell(record.owner_email) || null;
  if (ownerEmail && !z.email().safeParse(ownerEmail).success)
    errors.push({ path: "owner_email", message: "must be an e-mail address or empty" });
  const candidate = {
    name: textCell(record.name),
    purpose: textCell(record.purpose),
    description: textCell(record.description),
    businessUnit: textCell(record.business_unit),
    lifecycleStage: textCell(record.lifecycle_stage) || undefined,
    aiType: textCell(record.ai_type) || undefined,
    aiRoles: listCell(record.ai_roles),
    deploymentContext: textCell(record.deployment_context),
    geographies: listCell(record.geographies),
    affectedStakeholders: listCell(record.affected_stakeholders),
    humanOversight: textCell(record.human_oversight),
    tags: listCell(record.tags),
  };
  const parsed = CreateAiSystemInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.error)) {
      const [head, ...rest] = issue.path.split(".");
      const col = fieldToCsv[head ?? ""] ?? head ?? "";
      errors.push({ path: [col, ...rest].join("."), message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, line, errors };
  const { ownerId: _ignored, ...fields } = parsed.data;
  return { ok: true, row: { line, id, ownerEmail: ownerEmail?.toLowerCase() ?? null, version, fields } };
}

export const joinCsvList = (xs: readonly string[]) => xs.join("; ");

export interface AiSystemCsvSource extends Omit<AiSystemFields, "ownerId"> {
  id: string;
  version: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One exported row, in the column order of `aiSystemCsvExportColumns`, formula-escaped. */
export function aiSystemCsvRecord(s: AiSystemCsvSource, ownerEmail: string | null): string[] {
  const cells: Record<(typeof aiSystemCsvExportColumns)[number], string> = {
    id: s.id,
    name: s.name,
    purpose: s.purpose,
    description: s.description,
    owner_email: ownerEmail ?? "",
    business_unit: s.businessUnit,
    lifecycle_stage: s.lifecycleStage,
    ai_type: s.aiType,
    ai_roles: joinCsvList(s.aiRoles),
    deployment_context: s.deploymentContext,
    geographies: joinCsvList(s.geographies),
    affected_stakeholders: joinCsvList(s.affectedStakeholders),
    human_oversight: s.humanOversight,
    tags: joinCsvList(s.tags),
    version: String(s.version),
    archived_at: s.archivedAt ?? "",
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
  return aiSystemCsvExportColumns.map((c) => escapeCsvFormula(cells[c]));
}
