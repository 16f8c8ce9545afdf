import { findFramework } from "../frameworks";
import { frameworkNodeRef, parseFrameworkNodeRef } from "../shared/links";
import type { RaciAssignment, RaciIssue, RaciParty } from "../schemas/raci";

export interface RaciRow {
  id: string;
  title: string;
  assignments: readonly { letter: string }[];
}

/**
 * The matrix rule (5.3): every activity has exactly one Accountable. Breaking it is an error that keeps the
 * matrix incomplete (readiness counts only complete matrices); an activity nobody is Responsible for is a
 * warning. Saving never fails on these, so a matrix can be filled in over several sittings.
 */
export function checkRaci(rows: readonly RaciRow[]): { issues: RaciIssue[]; complete: boolean } {
  const issues: RaciIssue[] = [];
  for (const row of rows) {
    const a = row.assignments.filter((x) => x.letter === "A").length;
    if (a === 0)
      issues.push({
        activityId: row.id,
        rule: "no_accountable",
        severity: "error",
        message: `"${row.title}" has no one accountable (A).`,
      });
    if (a > 1)
      issues.push({
        activityId: row.id,
        rule: "several_accountable",
        severity: "error",
        message: `"${row.title}" has ${a} accountable (A); exactly one is needed.`,
      });
    if (!row.assignments.some((x) => x.letter === "R"))
      issues.push({
        activityId: row.id,
        rule: "no_responsible",
        severity: "warning",
        message: `"${row.title}" has no one responsible (R).`,
      });
  }
  return { issues, complete: rows.length > 0 && !issues.some((i) => i.severity === "error") };
}

export const raciPartyKey = (p: RaciParty): string => `${p.type}:${p.key}`;

/** What changed in one row's letters, keyed `type:key` → [before, after] (null = no letter), for the audit. */
export function diffRaciRow(
  before: readonly RaciAssignment[],
  after: readonly RaciAssignment[],
): Record<string, [string | null, string | null]> {
  const was = new Map(before.map((a) => [raciPartyKey(a), a.letter]));
  const now = new Map(after.map((a) => [raciPartyKey(a), a.letter]));
  const out: Record<string, [string | null, string | null]> = {};
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(key) ?? null;
    const n = now.get(key) ?? null;
    if (b !== n) out[key] = [b, n];
  }
  return out;
}

/** A framework node reference in its full form with its label, or null when it names no node. */
export function resolveFrameworkNode(ref: string): { id: string; label: string } | null {
  const { frameworkId, nodeId } = parseFrameworkNodeRef(ref.trim());
  const node = findFramework(frameworkId)?.nodes.find((n) => n.id === nodeId);
  return node ? { id: frameworkNodeRef(frameworkId, node.id), label: `${node.id} ${node.title}` } : null;
}

/** A starting set of AIMS activities, written by us; seeding adds those whose title is not there yet. */
export const defaultRaciActivities: readonly { title: string; description: string; node: string }[] = [
  {
    title: "Set the AIMS scope and context",
    description: "Keep the internal and external issues, interested parties and the scope statement current.",
    node: "4.3",
  },
  {
    title: "Maintain the AI policy",
    description: "Draft, review and re-approve the AI policy on its review cycle or when things change.",
    node: "5.2",
  },
  {
    title: "Assign AIMS roles and responsibilities",
    description: "Keep this matrix up to date and make sure people know what they are accountable for.",
    node: "5.3",
  },
  {
    title: "Run AI risk assessments",
    description: "Identify, analyse and evaluate AI risks for new and changed AI systems.",
    node: "6.1.2",
  },
  {
    title: "Decide AI risk treatment",
    description: "Choose treatment options and controls, and accept residual risk.",
    node: "6.1.3",
  },
  {
    title: "Approve the Statement of Applicability",
    description: "Review the applicability and justification of every control and approve the SoA version.",
    node: "6.1.3",
  },
  {
    title: "Run AI system impact assessments",
    description: "Assess the effects of AI systems on individuals, groups and society.",
    node: "6.1.4",
  },
  {
    title: "Set and track AI objectives",
    description: "Define measurable AI objectives and follow their progress.",
    node: "6.2",
  },
  {
    title: "Provide resources and competence",
    description:
      "Make sure people, tools and skills for the AIMS are in place and records of competence kept.",
    node: "7.2",
  },
  {
    title: "Control documented information",
    description: "Keep AIMS documents approved, versioned, available and protected.",
    node: "7.5",
  },
  {
    title: "Manage the AI system lifecycle",
    description: "Apply the defined process from design to retirement for every AI system.",
    node: "A.6.1.3",
  },
  {
    title: "Manage AI suppliers and third parties",
    description: "Agree and check responsibilities with suppliers, partners and customers.",
    node: "A.10.2",
  },
  {
    title: "Handle reported concerns",
    description: "Receive, investigate and answer concerns reported about AI systems or the AIMS.",
    node: "A.3.3",
  },
  {
    title: "Handle AI incidents",
    description: "Record, assess and respond to incidents involving AI systems and tell those affected.",
    node: "A.8.4",
  },
  {
    title: "Monitor and measure the AIMS",
    description: "Decide what is measured, collect the results and analyse them.",
    node: "9.1",
  },
  {
    title: "Internal audit",
    description: "Plan and carry out the audit programme and report the findings.",
    node: "9.2",
  },
  {
    title: "Management review",
    description: "Prepare the inputs, hold the review and follow up on its decisions.",
    node: "9.3",
  },
  {
    title: "Handle nonconformities and corrective actions",
    description: "React to nonconformities, find their causes and check that actions work.",
    node: "10.2",
  },
];
