import { z } from "zod";
import { concernCategories, concernStatuses } from "../concerns/concern";
import { Abilities, DEFAULT_PAGE_SIZE, LongText, MAX_PAGE_SIZE, Name, Page, Uuid, Version } from "./common";

export const ConcernStatusSchema = z.enum(concernStatuses);
export const ConcernCategorySchema = z.enum(concernCategories);

export const ReportConcernInput = z.strictObject({
  subject: Name(200),
  description: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(20_000, { message: "must be at most 20000 characters" }),
  aiSystemId: Uuid.nullable().default(null),
  category: ConcernCategorySchema.default("other"),
  /** hide who reported it from everyone, including managers; the reporter then cannot follow it up here */
  anonymous: z.boolean().default(false),
});
export type ReportConcernInput = z.input<typeof ReportConcernInput>;

export const UpdateConcernInput = z.strictObject({
  status: ConcernStatusSchema.optional(),
  /** visible to the reporter */
  response: LongText(20_000).optional(),
  version: Version,
});
export type UpdateConcernInput = z.input<typeof UpdateConcernInput>;

export const ConcernListQuery = z.strictObject({
  status: ConcernStatusSchema.optional(),
  /** only the caller's own (non-anonymous) concerns, also for managers */
  mine: z
    .union([z.boolean(), z.enum(["true", "false"])], { message: "must be true or false" })
    .default(false)
    .transform((v) => v === true || v === "true"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type ConcernListQuery = z.infer<typeof ConcernListQuery>;
export type ConcernListQueryInput = z.input<typeof ConcernListQuery>;

export const ConcernView = z.object({
  id: Uuid,
  orgId: Uuid,
  subject: z.string(),
  description: z.string(),
  category: ConcernCategorySchema,
  aiSystemId: z.string().nullable(),
  aiSystemName: z.string().nullable(),
  anonymous: z.boolean(),
  /** null for anonymous concerns */
  reporterId: z.string().nullable(),
  reporterName: z.string().nullable(),
  status: ConcernStatusSchema,
  response: z.string(),
  respondedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type ConcernView = z.infer<typeof ConcernView>;

/** List-level abilities: `report` (anyone with concern.report) and `manage` (sees every concern). */
export const ConcernPage = Page(ConcernView).extend({ abilities: Abilities });
export type ConcernPage = z.infer<typeof ConcernPage>;
