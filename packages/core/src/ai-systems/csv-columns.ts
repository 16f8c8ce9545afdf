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

const listCell = (s: string | undefined) =>
  (s ?? "")
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);
const textCell = (s: string | undefined) => (s ?? "").trim();

export interface ParsedCsvRow {
  /** 1-based line number in the file, header = line 1 */
  line: number;
  id: string | null;
  ownerEmail: string | null;
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
  return { ok: true, row: { line, id, ownerEmail: ownerEmail?.toLowerCase() ?? null, fields } };
}

export const joinCsvList = (xs: readonly string[]) => xs.join("; ");
