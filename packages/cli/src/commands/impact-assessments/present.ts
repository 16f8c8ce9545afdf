import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import {
  describeIssues,
  harmDimensionLabels,
  ImpactAssessmentContent,
  impactLevelLabels,
  Uuid,
  warningTexts,
  type ImpactAssessmentContentInput,
  type ImpactAssessmentSummaryView,
  type ImpactAssessmentView,
} from "@openaims/core";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { keyValues, table, type Column } from "../../output/format";

export function checkAssessmentId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not an impact assessment id (a UUID).`);
  return id;
}

/**
 * Reads assessment content from a YAML or JSON file (`-` = standard input) and checks it with the API's schema,
 * so a mistake is reported by field before anything is sent.
 */
export async function readContentFile(
  ctx: CommandContext,
  file: string,
): Promise<ImpactAssessmentContentInput> {
  let text: string;
  try {
    text =
      file === "-" ? await (ctx.io.readStdin?.() ?? "") : await readFile(resolve(ctx.io.cwd, file), "utf8");
  } catch {
    throw usageError(`Cannot read the content file ${file}.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw usageError(
      `The content file ${file} is not valid YAML or JSON: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  // a file may hold the content itself or an object with a `content` key (e.g. a saved `show --json`)
  const candidate =
    raw && typeof raw === "object" && "content" in raw ? (raw as { content: unknown }).content : (raw ?? {});
  const parsed = ImpactAssessmentContent.safeParse(candidate);
  if (!parsed.success)
    throw new CliError(
      ExitCode.usage,
      `The content in ${file} is not valid; nothing was sent.`,
      describeIssues(parsed.error).map((i) => ({ path: `content.${i.path}`, message: i.message })),
    );
  return candidate as ImpactAssessmentContentInput;
}

const rating = (r: { level: keyof typeof impactLevelLabels; score: number } | null) =>
  r ? `${impactLevelLabels[r.level]} (${r.score})` : "";

export const assessmentColumns: Column<ImpactAssessmentSummaryView>[] = [
  { header: "ID", value: (a) => a.id },
  { header: "TITLE", value: (a) => a.title, max: 40 },
  { header: "SYSTEM", value: (a) => a.aiSystemName, max: 24 },
  { header: "VARIANT", value: (a) => a.variant },
  { header: "STATUS", value: (a) => a.status },
  { header: "APPROVED", value: (a) => (a.approvedVersion ? `v${a.approvedVersion}` : "") },
  { header: "RESIDUAL", value: (a) => rating(a.overallResidual) },
  { header: "NEXT REVIEW", value: (a) => a.nextReviewDate ?? "" },
];

export const assessmentTable = (items: ImpactAssessmentSummaryView[]) => table(items, assessmentColumns);

export function assessmentDetails(a: ImpactAssessmentView): string {
  const head = keyValues([
    ["ID", a.id],
    ["Title", a.title],
    ["AI system", `${a.aiSystemName} (${a.aiSystemId})`],
    ["Variant", `${a.variant} (template ${a.templateId})`],
    ["Status", `${a.status}, revision ${a.revision}`],
    [
      "Approved version",
      a.approvedVersion ? `${a.approvedVersion} by ${a.approvedByName ?? "?"}` : "none yet",
    ],
    ["Next review", a.nextReviewDate ?? ""],
    ["Inherent impact", rating(a.summary.overallInherent)],
    ["Residual impact", rating(a.summary.overallResidual)],
    ["Decision", a.content.decision.outcome ?? ""],
    ["Version", String(a.version)],
  ]);
  const harms =
    a.content.harms.length === 0
      ? "No harms recorded yet.\n"
      : table(
          a.content.harms.map((h, i) => ({ h, r: a.summary.harms[i]! })),
          [
            { header: "DIMENSION", value: (x) => harmDimensionLabels[x.h.dimension] },
            { header: "HARM", value: (x) => x.h.description, max: 40 },
            { header: "S×L", value: (x) => `${x.h.severity}×${x.h.likelihood}` },
            { header: "INHERENT", value: (x) => rating(x.r.inherent) },
            { header: "RESIDUAL", value: (x) => rating(x.r.residual) },
          ],
        );
  const gaps = a.gaps.map((g) => `  - ${g.path}: ${g.message}`).join("\n");
  const warnings = a.warnings.map((w) => `  ! ${warningTexts[w] ?? w}`).join("\n");
  const versions = a.versions.map(
    (v) => `  v${v.number} ${v.status} ${v.createdAt.slice(0, 10)} ${v.createdByName ?? ""}`,
  );
  return [
    head,
    `\nHarms:\n${harms}`,
    gaps ? `\nMissing before submission:\n${gaps}\n` : "",
    warnings ? `\nWarnings:\n${warnings}\n` : "",
    versions.length ? `\nVersions:\n${versions.join("\n")}\n` : "",
    a.notifications.length
      ? `\nAuthority notifications:\n${a.notifications.map((n) => `  ${n.notifiedOn} ${n.authority} ${n.reference}`).join("\n")}\n`
      : "",
  ].join("");
}
