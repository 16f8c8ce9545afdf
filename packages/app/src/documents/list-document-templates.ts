import {
  authorize,
  documentPolicy,
  documentTemplates,
  frameworkNodeRef,
  parseFrameworkNodeRef,
  type Actor,
  type DocumentTemplateList,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import { labelLinks } from "../shared/links";

/** The starter templates, each with its suggested framework links labelled. */
export async function listDocumentTemplates(ctx: AppContext, actor: Actor): Promise<DocumentTemplateList> {
  authorize(actor, documentPolicy, "read", {});
  const items = [];
  for (const t of documentTemplates) {
    const targets = t.links.map((ref) => {
      const { frameworkId, nodeId } = parseFrameworkNodeRef(ref);
      return { type: "framework_node" as const, id: frameworkNodeRef(frameworkId, nodeId) };
    });
    items.push({
      key: t.key,
      title: t.title,
      kind: t.kind,
      summary: t.summary,
      reviewIntervalMonths: t.reviewIntervalMonths,
      links: await labelLinks(ctx.database.db, actor.orgId, targets),
      body: t.body,
    });
  }
  return { items };
}
