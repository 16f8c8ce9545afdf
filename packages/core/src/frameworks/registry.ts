import type { Framework, FrameworkNode } from "./framework";
import { iso42001_2023 } from "./iso-iec-42001-2023";

/** Every framework version OpenAIMS ships, in display order. NIST AI RMF and the EU AI Act join here. */
export const frameworkCatalogue: readonly Framework[] = [iso42001_2023];

export const findFramework = (id: string): Framework | undefined =>
  frameworkCatalogue.find((f) => f.id === id);

export interface FrameworkTreeNode extends Omit<FrameworkNode, "parentId"> {
  children: FrameworkTreeNode[];
}

/** Nests a framework's flat node list by `parentId`, siblings by `order`. */
export function frameworkTree(framework: Framework): FrameworkTreeNode[] {
  const byParent = new Map<string | null, FrameworkNode[]>();
  for (const node of framework.nodes) {
    const list = byParent.get(node.parentId) ?? [];
    list.push(node);
    byParent.set(node.parentId, list);
  }
  const build = (parentId: string | null): FrameworkTreeNode[] =>
    (byParent.get(parentId) ?? [])
      .slice()
      .sort((a, b) => a.order - b.order)
      .map(({ parentId: _parent, ...node }) => ({ ...node, children: build(node.id) }));
  return build(null);
}
