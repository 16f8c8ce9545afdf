import { z } from "zod";
import { frameworkNodeKinds } from "../frameworks/framework";

/** Response shapes of the framework catalogue endpoints (read-only reference data). */

export const FrameworkNodeCountsView = z.object({
  heading: z.number().int(),
  requirement: z.number().int(),
  control: z.number().int(),
  objective: z.number().int(),
});

export const FrameworkSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  publisher: z.string(),
  counts: FrameworkNodeCountsView,
});
export type FrameworkSummaryView = z.infer<typeof FrameworkSummaryView>;

export const FrameworkListView = z.object({
  items: z.array(FrameworkSummaryView),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type FrameworkListView = z.infer<typeof FrameworkListView>;

export const FrameworkGuidanceView = z.object({
  intent: z.string(),
  evidence: z.array(z.string()),
  auditQuestions: z.array(z.string()),
});

export const FrameworkNodeView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(frameworkNodeKinds),
  order: z.number().int(),
  aliases: z.array(z.string()),
  guidance: FrameworkGuidanceView.nullable(),
  related: z.array(z.string()),
  get children(): z.ZodArray<typeof FrameworkNodeView> {
    return z.array(FrameworkNodeView);
  },
});
export type FrameworkNodeView = z.infer<typeof FrameworkNodeView>;
// Registered by id so the OpenAPI document carries the recursive node as a named component it can $ref.
z.globalRegistry.add(FrameworkNodeView, { id: "FrameworkNode" });

export const FrameworkDetailView = FrameworkSummaryView.extend({
  source: z.string(),
  copyrightNote: z.string(),
  nodes: z.array(FrameworkNodeView),
});
export type FrameworkDetailView = z.infer<typeof FrameworkDetailView>;
