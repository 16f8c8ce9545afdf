import { z } from "zod";
import { scopeStatuses } from "../context/vocabulary";
import { Abilities, LongText, Name, Page, Uuid, Version } from "./common";

export const ScopeStatusSchema = z.enum(scopeStatuses);

/** An exclusion from the AIMS scope always carries the reason it is left out (4.3). */
export const ScopeExclusion = z.strictObject({
  item: Name(500),
  justification: LongText(4000).pipe(z.string().min(1, { message: "an exclusion needs a justification" })),
});
export type ScopeExclusion = z.infer<typeof ScopeExclusion>;

const scopeShape = {
  statement: LongText(20_000),
  inclusions: z
    .array(Name(500))
    .max(200, { message: "must have at most 200 entries" })
    .transform((xs) => [...new Set(xs)]),
  exclusions: z
    .array(ScopeExclusion)
    .max(200, { message: "must have at most 200 entries" })
    .superRefine((xs, ctx) => {
      const seen = new Set<string>();
      xs.forEach((x, i) => {
        const key = x.item.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "item"], message: "is excluded twice" });
        seen.add(key);
      });
    }),
  boundaries: LongText(10_000),
};
export const ScopeFields = z.strictObject(scopeShape);
export type ScopeFields = z.infer<typeof ScopeFields>;
export const scopeFieldNames = Object.keys(scopeShape) as (keyof ScopeFields)[];

/** Edits a draft: only the fields sent change. */
export const UpdateScopeDraftInput = ScopeFields.partial().extend({ version: Version });
export type UpdateScopeDraftInput = z.input<typeof UpdateScopeDraftInput>;

/** submit / approve / reject: the version you read, and an optional note (a rejection's reason). */
export const ScopeActionInput = z.strictObject({ version: Version, note: LongText(2000).optional() });
export type ScopeActionInput = z.input<typeof ScopeActionInput>;

export const ScopeVersionParams = z.object({ orgId: Uuid, number: z.coerce.number().int().min(1) });

export const ScopeVersionView = z.object({
  id: Uuid,
  number: z.number().int(),
  status: ScopeStatusSchema,
  statement: z.string(),
  inclusions: z.array(z.string()),
  exclusions: z.array(z.object({ item: z.string(), justification: z.string() })),
  boundaries: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  lastEditedBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  rejectionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** what the caller may do on this version now (role, four-eyes and status folded in) */
  abilities: Abilities,
});
export type ScopeVersionView = z.infer<typeof ScopeVersionView>;

/** The scope in force and the one being worked on (a draft or a version in review). */
export const ScopeView = z.object({
  approved: ScopeVersionView.nullable(),
  draft: ScopeVersionView.nullable(),
  /** `newDraft`: a new draft may be started now; `read`, `write` from the role */
  abilities: Abilities,
});
export type ScopeView = z.infer<typeof ScopeView>;

export const ScopeVersionPage = Page(ScopeVersionView).extend({ total: z.number().int() });
export type ScopeVersionPage = z.infer<typeof ScopeVersionPage>;

export const ScopeDiff = z.object({
  statement: z.object({ before: z.string(), after: z.string() }).nullable(),
  boundaries: z.object({ before: z.string(), after: z.string() }).nullable(),
  inclusions: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  exclusions: z.object({
    added: z.array(ScopeExclusion),
    removed: z.array(ScopeExclusion),
    /** same item, new justification */
    changed: z.array(z.object({ item: z.string(), before: z.string(), after: z.string() })),
  }),
  same: z.boolean(),
});
export type ScopeDiff = z.infer<typeof ScopeDiff>;
export const ScopeDiffQuery = z.strictObject({
  /** the version to compare with; default: the one approved before, else the previous number */
  against: z.coerce.number().int().min(1).optional(),
});
export const ScopeDiffView = z.object({ from: z.number().int(), to: z.number().int(), diff: ScopeDiff });
export type ScopeDiffView = z.infer<typeof ScopeDiffView>;
