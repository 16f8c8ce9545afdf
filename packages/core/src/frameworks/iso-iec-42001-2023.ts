import type { Framework, FrameworkGuidance, FrameworkNode, FrameworkNodeKind } from "./framework";
import { relatedIndex } from "./framework";
import { iso42001ClauseGuidance } from "./iso-iec-42001-2023-guidance-clauses";
import { iso42001AnnexA2to5Guidance } from "./iso-iec-42001-2023-guidance-annex-a-2-5";
import { iso42001AnnexA6to10Guidance } from "./iso-iec-42001-2023-guidance-annex-a-6-10";
import { iso42001Relations } from "./iso-iec-42001-2023-relations";

/**
 * ISO/IEC 42001:2023 — identifiers and short titles only, taken from ../shared/reference/iso42001.md (which
 * warns that many public sources mis-number Annex A). Clauses 1–3 are informative and carry no nodes.
 * Annex A objectives (x.1) have no short title of their own in the reference, so they carry the neutral
 * label "Objective".
 */
const H: FrameworkNodeKind = "heading";
const R: FrameworkNodeKind = "requirement";
const C: FrameworkNodeKind = "control";
const O: FrameworkNodeKind = "objective";
const OBJECTIVE = "Objective";

const outline: ReadonlyArray<readonly [string, string, FrameworkNodeKind]> = [
  ["4", "Context of the organization", H],
  ["4.1", "Understanding the organization and its context", R],
  ["4.2", "Understanding the needs and expectations of interested parties", R],
  ["4.3", "Determining the scope of the AI management system", R],
  ["4.4", "AI management system", R],
  ["5", "Leadership", H],
  ["5.1", "Leadership and commitment", R],
  ["5.2", "AI policy", R],
  ["5.3", "Roles, responsibilities and authorities", R],
  ["6", "Planning", H],
  ["6.1", "Actions to address risks and opportunities", H],
  ["6.1.1", "General", R],
  ["6.1.2", "AI risk assessment", R],
  ["6.1.3", "AI risk treatment", R],
  ["6.1.4", "AI system impact assessment", R],
  ["6.2", "AI objectives and planning to achieve them", R],
  ["6.3", "Planning of changes", R],
  ["7", "Support", H],
  ["7.1", "Resources", R],
  ["7.2", "Competence", R],
  ["7.3", "Awareness", R],
  ["7.4", "Communication", R],
  ["7.5", "Documented information", H],
  ["7.5.1", "General", R],
  ["7.5.2", "Creating and updating documented information", R],
  ["7.5.3", "Control of documented information", R],
  ["8", "Operation", H],
  ["8.1", "Operational planning and control", R],
  ["8.2", "AI risk assessment", R],
  ["8.3", "AI risk treatment", R],
  ["8.4", "AI system impact assessment", R],
  ["9", "Performance evaluation", H],
  ["9.1", "Monitoring, measurement, analysis and evaluation", R],
  ["9.2", "Internal audit", H],
  ["9.2.1", "General", R],
  ["9.2.2", "Internal audit programme", R],
  ["9.3", "Management review", H],
  ["9.3.1", "General", R],
  ["9.3.2", "Management review inputs", R],
  ["9.3.3", "Management review results", R],
  ["10", "Improvement", H],
  ["10.1", "Continual improvement", R],
  ["10.2", "Nonconformity and corrective action", R],

  ["A.2", "Policies related to AI", H],
  ["A.2.1", OBJECTIVE, O],
  ["A.2.2", "AI policy", C],
  ["A.2.3", "Alignment with other organizational policies", C],
  ["A.2.4", "Review of the AI policy", C],
  ["A.3", "Internal organization", H],
  ["A.3.1", OBJECTIVE, O],
  ["A.3.2", "AI roles and responsibilities", C],
  ["A.3.3", "Reporting of concerns", C],
  ["A.4", "Resources for AI systems", H],
  ["A.4.1", OBJECTIVE, O],
  ["A.4.2", "Resource documentation", C],
  ["A.4.3", "Data resources", C],
  ["A.4.4", "Tooling resources", C],
  ["A.4.5", "System and computing resources", C],
  ["A.4.6", "Human resources", C],
  ["A.5", "Assessing impacts of AI systems", H],
  ["A.5.1", OBJECTIVE, O],
  ["A.5.2", "AI system impact assessment process", C],
  ["A.5.3", "Documentation of AI system impact assessments", C],
  ["A.5.4", "Assessing AI system impact on individuals or groups of individuals", C],
  ["A.5.5", "Assessing societal impacts of AI systems", C],
  ["A.6", "AI system life cycle", H],
  ["A.6.1", "Management guidance for AI system development", H],
  ["A.6.1.1", OBJECTIVE, O],
  ["A.6.1.2", "Objectives for responsible development of AI system", C],
  ["A.6.1.3", "Processes for responsible AI system design and development", C],
  ["A.6.2", "AI system life cycle", H],
  ["A.6.2.1", OBJECTIVE, O],
  ["A.6.2.2", "AI system requirements and specification", C],
  ["A.6.2.3", "Documentation of AI system design and development", C],
  ["A.6.2.4", "AI system verification and validation", C],
  ["A.6.2.5", "AI system deployment", C],
  ["A.6.2.6", "AI system operation and monitoring", C],
  ["A.6.2.7", "AI system technical documentation", C],
  ["A.6.2.8", "AI system recording of event logs", C],
  ["A.7", "Data for AI systems", H],
  ["A.7.1", OBJECTIVE, O],
  ["A.7.2", "Data for development and enhancement of AI system", C],
  ["A.7.3", "Acquisition of data", C],
  ["A.7.4", "Quality of data for AI systems", C],
  ["A.7.5", "Data provenance", C],
  ["A.7.6", "Data preparation", C],
  ["A.8", "Information for interested parties of AI systems", H],
  ["A.8.1", OBJECTIVE, O],
  ["A.8.2", "System documentation and information for users", C],
  ["A.8.3", "External reporting", C],
  ["A.8.4", "Communication of incidents", C],
  ["A.8.5", "Information for interested parties", C],
  ["A.9", "Use of AI systems", H],
  ["A.9.1", OBJECTIVE, O],
  ["A.9.2", "Processes for responsible use of AI systems", C],
  ["A.9.3", "Objectives for responsible use of AI system", C],
  ["A.9.4", "Intended use of the AI system", C],
  ["A.10", "Third-party and customer relationships", H],
  ["A.10.1", OBJECTIVE, O],
  ["A.10.2", "Allocating responsibilities", C],
  ["A.10.3", "Suppliers", C],
  ["A.10.4", "Customers", C],
];

/** "6.1.2" → "6.1", "A.6.2.4" → "A.6.2"; top-level clauses and Annex A groups have no parent. */
function parentOf(id: string): string | null {
  const parts = id.split(".");
  const topLevel = parts[0] === "A" ? 2 : 1;
  return parts.length <= topLevel ? null : parts.slice(0, -1).join(".");
}

function buildNodes(): FrameworkNode[] {
  const guidance: Record<string, FrameworkGuidance> = {
    ...iso42001ClauseGuidance,
    ...iso42001AnnexA2to5Guidance,
    ...iso42001AnnexA6to10Guidance,
  };
  const related = relatedIndex(iso42001Relations);
  const siblings = new Map<string | null, number>();
  return outline.map(([id, title, kind]) => {
    const parentId = parentOf(id);
    const order = siblings.get(parentId) ?? 0;
    siblings.set(parentId, order + 1);
    return {
      id,
      title,
      kind,
      parentId,
      order,
      // Annex B gives implementation guidance under the same numbers; crosswalks cite either form.
      aliases: kind === "control" ? [id.replace(/^A\./, "B.")] : [],
      guidance: guidance[id] ?? null,
      related: related.get(id) ?? [],
    };
  });
}

export const iso42001_2023: Framework = {
  id: "iso-iec-42001-2023",
  name: "ISO/IEC 42001",
  version: "2023",
  publisher: "ISO/IEC",
  source:
    "Identifiers and short titles from the OpenAIMS reference sheet (shared/reference/iso42001.md), which was " +
    "cross-checked against the outline libraries of intuitem/ciso-assistant-community (iso42001-2023.yaml) " +
    "and getprobo/probo (ISO42001-2023.json).",
  copyrightNote:
    "ISO/IEC 42001:2023 is copyrighted by ISO and IEC. OpenAIMS ships identifiers and short titles only; every " +
    "intent, evidence example and audit question here is written by OpenAIMS contributors and is not text " +
    "from the standard. Obtain the standard from ISO or your national standards body for the normative text.",
  // Pure, so bundles that import core only for its schemas (the web UI) can drop the catalogue data.
  nodes: /* @__PURE__ */ buildNodes(),
};
