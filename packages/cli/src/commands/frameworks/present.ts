import type { FrameworkDetailView, FrameworkNodeView } from "@openaims/core";
import { keyValues, list } from "../../output/format";

const kindLabels: Record<FrameworkNodeView["kind"], string> = {
  heading: "Heading",
  requirement: "Requirement",
  control: "Control",
  objective: "Objective",
};

export function findNode(nodes: readonly FrameworkNodeView[], id: string): FrameworkNodeView | undefined {
  for (const node of nodes) {
    if (node.id === id || node.aliases.includes(id)) return node;
    const inner = findNode(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The framework's header and its nodes as an indented outline, one node per line. */
export function frameworkOutline(framework: FrameworkDetailView): string {
  const lines: string[] = [];
  const walk = (nodes: readonly FrameworkNodeView[], depth: number) => {
    for (const node of nodes) {
      const marker = node.kind === "control" || node.kind === "requirement" ? "" : ` (${node.kind})`;
      lines.push(`${"  ".repeat(depth)}${node.id}  ${node.title}${marker}`);
      walk(node.children, depth + 1);
    }
  };
  walk(framework.nodes, 0);
  const header = keyValues([
    ["Framework", `${framework.name}:${framework.version} (${framework.id})`],
    ["Publisher", framework.publisher],
    ["Requirements", String(framework.counts.requirement)],
    ["Controls", String(framework.counts.control)],
    ["Copyright", framework.copyrightNote],
  ]);
  return `${header}\n${lines.join("\n")}\n`;
}

const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join("\n");

/** One node with its guidance. */
export function nodeDetails(node: FrameworkNodeView): string {
  const pairs: [string, string][] = [
    ["ID", node.id],
    ["Title", node.title],
    ["Kind", kindLabels[node.kind]],
  ];
  if (node.aliases.length > 0) pairs.push(["Also cited as", list(node.aliases)]);
  if (node.guidance) {
    pairs.push(["Intent", node.guidance.intent]);
    pairs.push(["Evidence", bullets(node.guidance.evidence)]);
    pairs.push(["Audit questions", bullets(node.guidance.auditQuestions)]);
  }
  if (node.related.length > 0) pairs.push(["Related", list(node.related)]);
  if (node.children.length > 0)
    pairs.push(["Contains", node.children.map((c) => `${c.id} ${c.title}`).join("\n")]);
  return keyValues(pairs);
}
