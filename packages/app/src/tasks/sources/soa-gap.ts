import { and, eq, gte, inArray, isNull, like, or, sql } from "drizzle-orm";
import { findFramework, frameworkNodeRef, type GeneratedTaskSpec } from "@openaims/core";
import { tables } from "@openaims/db";
import type { TaskSource } from "./task-source";

const FRAMEWORK = "iso-iec-42001-2023";

type Missing = "decision" | "justification" | "owner" | "evidence";
const missingText: Record<Missing, string> = {
  decision: "a decision whether the control applies",
  justification: "a justification",
  owner: "an owner",
  evidence: "evidence",
};

/**
 * A gap in the Statement of Applicability: an Annex A control (or an additional control) that is undecided, or
 * is applicable without a justification, an owner or evidence, or is excluded without a justification. One task
 * per control, for the entry's owner; it closes itself once the entry is complete.
 *
 * Evidence counts when it is current (not archived, not past its valid-until day) and linked to the SoA entry, the
 * control's framework node, or an applied control that is itself linked to the node (for an additional control:
 * the applied control), as readiness counts it.
 */
export const soaGapSource: TaskSource = {
  origin: "soa_gap",
  async wanted(db, orgId, today) {
    const { soaEntries, appliedControls, recordLinks, evidence } = tables;
    const framework = findFramework(FRAMEWORK);
    if (!framework) return [];
    const entries = await db
      .select({ entry: soaEntries, controlName: appliedControls.name })
      .from(soaEntries)
      .leftJoin(appliedControls, eq(appliedControls.id, soaEntries.additionalControlId))
      .where(
        and(
          eq(soaEntries.orgId, orgId),
          or(isNull(soaEntries.additionalControlId), isNull(appliedControls.archivedAt)),
        ),
      );
    // current evidence (not archived, not past its valid-until day) and what it is linked to
    const links = await db
      .select({ type: recordLinks.targetType, id: recordLinks.targetId })
      .from(recordLinks)
      .innerJoin(
        evidence,
        and(eq(evidence.orgId, recordLinks.orgId), sql`${evidence.id}::text = ${recordLinks.sourceId}`),
      )
      .where(
        and(
          eq(recordLinks.orgId, orgId),
          eq(recordLinks.sourceType, "evidence"),
          inArray(recordLinks.targetType, ["soa_entry", "applied_control", "framework_node"]),
          isNull(evidence.archivedAt),
          or(isNull(evidence.validUntil), gte(evidence.validUntil, today)),
        ),
      );
    // evidence of an applied control counts for the framework controls that applied control is linked to
    const controlsWithEvidence = [
      ...new Set(links.filter((l) => l.type === "applied_control").map((l) => l.id)),
    ];
    if (controlsWithEvidence.length > 0) {
      const via = await db
        .select({ id: recordLinks.targetId })
        .from(recordLinks)
        .where(
          and(
            eq(recordLinks.orgId, orgId),
            eq(recordLinks.sourceType, "applied_control"),
            inArray(recordLinks.sourceId, controlsWithEvidence),
            eq(recordLinks.targetType, "framework_node"),
            like(recordLinks.targetId, `${FRAMEWORK}:%`),
          ),
        );
      links.push(...via.map((v) => ({ type: "framework_node", id: v.id })));
    }
    const evidenced = new Set(links.map((l) => `${l.type}|${l.id}`));
    const byControl = new Map(
      entries.filter((e) => e.entry.frameworkId === FRAMEWORK).map((e) => [e.entry.controlId, e]),
    );

    const specs: GeneratedTaskSpec[] = [];
    const gap = (
      controlId: string,
      label: string,
      entry: (typeof entries)[number]["entry"] | undefined,
      subject: GeneratedTaskSpec["subject"],
    ) => {
      const missing: Missing[] = [];
      if (!entry || entry.applicable === null) missing.push("decision");
      else {
        if (entry.justification.trim() === "") missing.push("justification");
        if (entry.applicable) {
          if (!entry.ownerId) missing.push("owner");
          const node = frameworkNodeRef(entry.frameworkId, entry.controlId);
          const shown =
            evidenced.has(`soa_entry|${entry.id}`) ||
            evidenced.has(`framework_node|${node}`) ||
            (entry.additionalControlId !== null &&
              evidenced.has(`applied_control|${entry.additionalControlId}`));
          if (!shown) missing.push("evidence");
        }
      }
      if (missing.length === 0) return;
      const undecided = missing[0] === "decision";
      specs.push({
        origin: "soa_gap",
        originKey: `soa_gap:${entry?.frameworkId ?? FRAMEWORK}:${controlId}`,
        title: undecided ? `Decide whether ${label} applies` : `Complete the SoA entry for ${label}`,
        description:
          `The Statement of Applicability entry for ${label} is missing ` +
          `${missing.map((m) => missingText[m]).join(", ")}. Complete it; this task then closes itself.`,
        assigneeId: entry?.ownerId ?? null,
        dueDate: null,
        priority: null,
        subject,
      });
    };

    for (const node of framework.nodes) {
      if (node.kind !== "control") continue;
      gap(`${node.id}`, `${node.id} ${node.title}`, byControl.get(node.id)?.entry, {
        type: "framework_node",
        id: frameworkNodeRef(FRAMEWORK, node.id),
      });
    }
    const additional = entries.filter((e) => e.entry.additionalControlId !== null);
    for (const { entry, controlName } of additional) {
      gap(entry.controlId, `the additional control "${controlName ?? entry.controlId}"`, entry, {
        type: "applied_control",
        id: entry.additionalControlId!,
      });
    }
    return specs;
  },
};
