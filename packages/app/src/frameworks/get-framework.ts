import { findFramework, frameworkTree, notFound, type FrameworkDetailView } from "@openaims/core";
import type { Identity } from "../access/authenticate";
import { frameworkSummaryOf } from "./list-frameworks";

/** One framework catalogue as a tree of nodes with OpenAIMS guidance; unknown ids are `not_found`. */
export function getFramework(_identity: Identity, frameworkId: string): FrameworkDetailView {
  const framework = findFramework(frameworkId);
  if (!framework) throw notFound("Framework");
  return {
    ...frameworkSummaryOf(framework),
    source: framework.source,
    copyrightNote: framework.copyrightNote,
    nodes: frameworkTree(framework),
  };
}
