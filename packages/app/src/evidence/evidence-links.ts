import { and, eq, inArray } from "drizzle-orm";
import { evidenceLinkTargetTypes, invalidInput, type LinkTarget, type LinkView } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks } from "../shared/links";

const { recordLinks } = tables;
const allowed = new Set<string>(evidenceLinkTargetTypes);

/** Evidence links only to the record kinds it can demonstrate (400 naming the entry otherwise). */
export function checkEvidenceLinkTypes(links: readonly LinkTarget[], path = "links"): void {
  const issues = links.flatMap((l, i) =>
    allowed.has(l.type)
      ? []
      : [{ path: `${path}.${i}`, message: `evidence cannot link to ${l.type.replaceAll("_", " ")} records` }],
  );
  if (issues.length > 0)
    throw invalidInput(
      `Cannot link: ${issues[0]!.message}; it links to ${evidenceLinkTargetTypes.join(", ")}.`,
      {
        issues,
      },
    );
}

/** The labelled links of many evidence items in two queries (links, then labels per target type). */
export async function evidenceLinksOf(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, LinkView[]>> {
  const out = new Map<string, LinkView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .select({ sourceId: recordLinks.sourceId, type: recordLinks.targetType, id: recordLinks.targetId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.orgId, orgId),
        eq(recordLinks.sourceType, "evidence"),
        inArray(recordLinks.sourceId, [...ids]),
      ),
    )
    .orderBy(recordLinks.targetType, recordLinks.targetId);
  const labelled = await labelLinks(
    db,
    orgId,
    rows.map((r) => ({ type: r.type, id: r.id }) as LinkTarget),
  );
  rows.forEach((r, i) => out.get(r.sourceId)?.push(labelled[i]!));
  return out;
}
