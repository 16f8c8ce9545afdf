import { z } from "zod";
import { addressedValues, issueKinds, issueTopics, orgAiRoleKeys, partyTypes } from "../context/vocabulary";
import { LinkTarget, LinkView } from "../shared/links";
import { Abilities, DEFAULT_PAGE_SIZE, LongText, MAX_PAGE_SIZE, Name, Page, Uuid, Version } from "./common";

const Required = (max: number) => LongText(max).pipe(z.string().min(1, { message: "must not be empty" }));
/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date({ message: "must be a date (YYYY-MM-DD)" });

export const IssueKindSchema = z.enum(issueKinds);
export const IssueTopicSchema = z.enum(issueTopics);
export const PartyTypeSchema = z.enum(partyTypes);
export const AddressedSchema = z.enum(addressedValues);
export const OrgAiRoleKeySchema = z.enum(orgAiRoleKeys);

/* ── internal and external issues (4.1) ── */
const issueShape = {
  kind: IssueKindSchema,
  topic: IssueTopicSchema,
  title: Name(200),
  description: LongText(10_000),
  /** how the issue affects the AIMS's ability to achieve its intended results */
  effect: LongText(4000),
  /** where the issue was found: a study, a law, a meeting, a survey … */
  source: LongText(1000),
  ownerId: Uuid.nullable(),
  /** when the issue should next be looked at again */
  reviewDate: CalendarDate.nullable(),
};
export const ContextIssueFields = z.strictObject(issueShape);
export type ContextIssueFields = z.infer<typeof ContextIssueFields>;
export const contextIssueFieldNames = Object.keys(issueShape) as (keyof ContextIssueFields)[];

export const CreateContextIssueInput = z.strictObject({
  ...issueShape,
  topic: issueShape.topic.default("other"),
  description: issueShape.description.default(""),
  effect: issueShape.effect.default(""),
  source: issueShape.source.default(""),
  ownerId: issueShape.ownerId.default(null),
  reviewDate: issueShape.reviewDate.default(null),
});
export type CreateContextIssueInput = z.input<typeof CreateContextIssueInput>;
export const UpdateContextIssueInput = ContextIssueFields.partial().extend({ version: Version });
export type UpdateContextIssueInput = z.input<typeof UpdateContextIssueInput>;
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const ContextIssueListQuery = z.strictObject({
  kind: IssueKindSchema.optional(),
  topic: IssueTopicSchema.optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type ContextIssueListQuery = z.input<typeof ContextIssueListQuery>;

export const ContextIssueView = z.object({
  id: Uuid,
  kind: IssueKindSchema,
  topic: IssueTopicSchema,
  title: z.string(),
  description: z.string(),
  effect: z.string(),
  source: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** the review date has passed (or none is set): the issue needs looking at */
  reviewDue: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type ContextIssueView = z.infer<typeof ContextIssueView>;
export const ContextIssuePage = Page(ContextIssueView).extend({
  total: z.number().int(),
  abilities: Abilities,
});
export type ContextIssuePage = z.infer<typeof ContextIssuePage>;

/* ── interested parties and their requirements (4.2) ── */
const partyShape = { name: Name(200), type: PartyTypeSchema, description: LongText(4000) };
export const InterestedPartyFields = z.strictObject(partyShape);
export type InterestedPartyFields = z.infer<typeof InterestedPartyFields>;
export const interestedPartyFieldNames = Object.keys(partyShape) as (keyof InterestedPartyFields)[];
export const CreateInterestedPartyInput = z.strictObject({
  ...partyShape,
  type: partyShape.type.default("other"),
  description: partyShape.description.default(""),
});
export type CreateInterestedPartyInput = z.input<typeof CreateInterestedPartyInput>;
export const UpdateInterestedPartyInput = InterestedPartyFields.partial().extend({ version: Version });
export type UpdateInterestedPartyInput = z.input<typeof UpdateInterestedPartyInput>;

const requirementShape = {
  text: Required(4000),
  /** whether the AIMS addresses the requirement; null while not decided */
  addressed: AddressedSchema.nullable(),
  /** how it is addressed, or why not */
  how: LongText(4000),
  /** an optional record that shows how: a document, an applied control, a framework node … */
  link: LinkTarget.nullable(),
};
export const PartyRequirementFields = z.strictObject(requirementShape);
export type PartyRequirementFields = z.infer<typeof PartyRequirementFields>;
export const partyRequirementFieldNames = ["text", "addressed", "how"] as const;
export const CreatePartyRequirementInput = z.strictObject({
  ...requirementShape,
  addressed: requirementShape.addressed.default(null),
  how: requirementShape.how.default(""),
  link: requirementShape.link.default(null),
});
export type CreatePartyRequirementInput = z.input<typeof CreatePartyRequirementInput>;
export const UpdatePartyRequirementInput = PartyRequirementFields.partial().extend({ version: Version });
export type UpdatePartyRequirementInput = z.input<typeof UpdatePartyRequirementInput>;

export const PartyRequirementView = z.object({
  id: Uuid,
  partyId: Uuid,
  text: z.string(),
  addressed: AddressedSchema.nullable(),
  how: z.string(),
  link: LinkView.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type PartyRequirementView = z.infer<typeof PartyRequirementView>;

export const InterestedPartyView = z.object({
  id: Uuid,
  name: z.string(),
  type: PartyTypeSchema,
  description: z.string(),
  requirements: z.array(PartyRequirementView),
  /** requirements whose "addressed" decision is still open */
  undecided: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type InterestedPartyView = z.infer<typeof InterestedPartyView>;
export const InterestedPartyPage = Page(InterestedPartyView).extend({
  total: z.number().int(),
  abilities: Abilities,
});
export type InterestedPartyPage = z.infer<typeof InterestedPartyPage>;

/* ── the organization's AI roles ── */
export const SetOrgAiRoleInput = z.strictObject({
  note: LongText(2000).default(""),
  /** required when the role is already recorded (the version you read) */
  version: Version.optional(),
});
export type SetOrgAiRoleInput = z.input<typeof SetOrgAiRoleInput>;

export const OrgAiRoleView = z.object({
  role: OrgAiRoleKeySchema,
  label: z.string(),
  description: z.string(),
  /** the organization plays this role */
  plays: z.boolean(),
  note: z.string(),
  /** null while the role is not recorded */
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type OrgAiRoleView = z.infer<typeof OrgAiRoleView>;
export const OrgAiRolesView = z.object({ items: z.array(OrgAiRoleView), abilities: Abilities });
export type OrgAiRolesView = z.infer<typeof OrgAiRolesView>;
