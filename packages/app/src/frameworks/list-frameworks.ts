import { countNodes, frameworkCatalogue, type Framework, type FrameworkListView } from "@openaims/core";
import type { Identity } from "../access/authenticate";

export const frameworkSummaryOf = (framework: Framework) => ({
  id: framework.id,
  name: framework.name,
  version: framework.version,
  publisher: framework.publisher,
  counts: countNodes(framework),
});

/**
 * The framework catalogues shipped with OpenAIMS. They are reference data, the same for every organization,
 * so any signed-in identity may read them; the identity parameter keeps the call sites honest about that.
 */
export function listFrameworks(_identity: Identity): FrameworkListView {
  const items = frameworkCatalogue.map(frameworkSummaryOf);
  return { items, nextCursor: null, total: items.length };
}
