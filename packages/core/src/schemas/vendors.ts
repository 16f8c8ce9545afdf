import { z } from "zod";
import { LinkView } from "../shared/links";
import {
  Abilities,
  DEFAULT_PAGE_SIZE,
  LongText,
  MAX_PAGE_SIZE,
  Name,
  Page,
  QueryText,
  Uuid,
  Version,
} from "./common";

export const vendorRiskRatings = ["low", "medium", "high", "critical"] as const;
export const VendorRiskRatingSchema = z.enum(vendorRiskRatings);
export type VendorRiskRating = (typeof vendorRiskRatings)[number];
export const responsibilityParties = ["organization", "vendor", "shared"] as const;

const VendorDate = z.iso.date({ message: "must be a date (YYYY-MM-DD)" });

/** One line of the allocation of responsibilities between the organization and the vendor (A.10.2). */
export const VendorResponsibility = z.strictObject({
  /** what the responsibility is about, e.g. "monitoring model drift", "incident notification" */
  topic: Name(200),
  party: z.enum(responsibilityParties),
  notes: LongText(2000).default(""),
});
export type VendorResponsibility = z.infer<typeof VendorResponsibility>;

const fieldShape = {
  name: Name(200),
  /** what the vendor supplies, in words */
  supplies: LongText(5000),
  contact: LongText(500),
  contractReference: LongText(200),
  contractStart: VendorDate.nullable(),
  contractEnd: VendorDate.nullable(),
  /** when the relationship is next reviewed */
  reviewDate: VendorDate.nullable(),
  riskRating: VendorRiskRatingSchema.nullable(),
  responsibilities: z.array(VendorResponsibility).max(100, { message: "must have at most 100 lines" }),
  /** what the organization owes its own customers because of this supply (A.10.4) */
  customerObligations: LongText(10_000),
  notes: LongText(10_000),
};
export const VendorFields = z.strictObject(fieldShape);
export type VendorFields = z.infer<typeof VendorFields>;
export const vendorFieldNames = Object.keys(fieldShape) as (keyof VendorFields)[];

/** What a vendor links to: the AI systems, models and datasets it supplies. */
export const VendorLinkTarget = z.strictObject({
  type: z.enum(["ai_system", "ai_model", "dataset"]),
  id: Uuid,
});
const Links = z.array(VendorLinkTarget).max(200, { message: "must have at most 200 links" });

export const CreateVendorInput = z.strictObject({
  name: fieldShape.name,
  supplies: fieldShape.supplies.default(""),
  contact: fieldShape.contact.default(""),
  contractReference: fieldShape.contractReference.default(""),
  contractStart: fieldShape.contractStart.default(null),
  contractEnd: fieldShape.contractEnd.default(null),
  reviewDate: fieldShape.reviewDate.default(null),
  riskRating: fieldShape.riskRating.default(null),
  responsibilities: fieldShape.responsibilities.default([]),
  customerObligations: fieldShape.customerObligations.default(""),
  notes: fieldShape.notes.default(""),
  links: Links.default([]),
});
export type CreateVendorInput = z.input<typeof CreateVendorInput>;

export const UpdateVendorInput = VendorFields.partial().extend({ links: Links.optional(), version: Version });
export type UpdateVendorInput = z.input<typeof UpdateVendorInput>;

export const VendorListQuery = z.strictObject({
  q: QueryText(200).optional(),
  riskRating: VendorRiskRatingSchema.optional(),
  /** only the vendors linked to this model (its suppliers) */
  model: Uuid.optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type VendorListQueryInput = z.input<typeof VendorListQuery>;

export const VendorSummaryView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  supplies: z.string(),
  riskRating: VendorRiskRatingSchema.nullable(),
  contractEnd: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** the review date is today or past (computed on read, UTC) */
  reviewDue: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type VendorSummaryView = z.infer<typeof VendorSummaryView>;

export const VendorView = VendorSummaryView.extend({
  contact: z.string(),
  contractReference: z.string(),
  contractStart: z.string().nullable(),
  responsibilities: z.array(VendorResponsibility),
  customerObligations: z.string(),
  notes: z.string(),
  links: z.array(LinkView),
});
export type VendorView = z.infer<typeof VendorView>;

export const VendorPage = Page(VendorSummaryView).extend({ abilities: Abilities });
export type VendorPage = z.infer<typeof VendorPage>;
