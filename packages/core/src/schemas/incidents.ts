import { z } from "zod";
import { incidentDeadlineKinds } from "../eu-ai-act/rules";
import {
  communicationRecipients,
  incidentHarmTypes,
  incidentOperatorRoles,
  incidentSeverities,
  incidentStatuses,
  isCalendarDate,
} from "../incidents/incident";
import { Abilities, DEFAULT_PAGE_SIZE, LongText, MAX_PAGE_SIZE, Name, Page, Uuid, Version } from "./common";

export const IncidentStatusSchema = z.enum(incidentStatuses);
export const IncidentSeveritySchema = z.enum(incidentSeverities);
export const IncidentHarmTypeSchema = z.enum(incidentHarmTypes);
export const IncidentOperatorRoleSchema = z.enum(incidentOperatorRoles);
export const CommunicationRecipientSchema = z.enum(communicationRecipients);

export const IncidentDate = z
  .string()
  .refine(isCalendarDate, { message: "must be a calendar date YYYY-MM-DD" });

const Answer = z.boolean().nullable();
/** Art. 3(49) answers: true, false or null (not answered yet). */
export const SeriousIncidentAnswersSchema = z.strictObject({
  death: Answer.default(null),
  seriousHealthHarm: Answer.default(null),
  criticalInfrastructureDisruption: Answer.default(null),
  fundamentalRightsInfringement: Answer.default(null),
  seriousPropertyOrEnvironmentHarm: Answer.default(null),
  widespreadInfringement: Answer.default(null),
});

const HarmTypes = z
  .array(IncidentHarmTypeSchema)
  .max(incidentHarmTypes.length)
  .refine((a) => new Set(a).size === a.length, { message: "must not repeat a harm type" });

export const ReportIncidentInput = z.strictObject({
  title: Name(200),
  description: LongText(20_000).default(""),
  /** the day it happened, when known */
  occurredOn: IncidentDate.nullable().default(null),
  /** the day the organization became aware: the regulatory clocks start here */
  becameAwareOn: IncidentDate,
  severity: IncidentSeveritySchema.default("medium"),
  harmTypes: HarmTypes.default([]),
  /** the organization's role for the systems involved */
  role: IncidentOperatorRoleSchema.default("provider"),
  seriousIncident: SeriousIncidentAnswersSchema.default({
    death: null,
    seriousHealthHarm: null,
    criticalInfrastructureDisruption: null,
    fundamentalRightsInfringement: null,
    seriousPropertyOrEnvironmentHarm: null,
    widespreadInfringement: null,
  }),
  /** the AI systems involved (stored as record links) */
  aiSystemIds: z.array(Uuid).max(50).default([]),
});
export type ReportIncidentInput = z.input<typeof ReportIncidentInput>;

export const UpdateIncidentInput = z.strictObject({
  title: Name(200).optional(),
  description: LongText(20_000).optional(),
  occurredOn: IncidentDate.nullable().optional(),
  becameAwareOn: IncidentDate.optional(),
  severity: IncidentSeveritySchema.optional(),
  harmTypes: HarmTypes.optional(),
  role: IncidentOperatorRoleSchema.optional(),
  /** only the answers sent change */
  seriousIncident: z
    .strictObject({
      death: Answer.optional(),
      seriousHealthHarm: Answer.optional(),
      criticalInfrastructureDisruption: Answer.optional(),
      fundamentalRightsInfringement: Answer.optional(),
      seriousPropertyOrEnvironmentHarm: Answer.optional(),
      widespreadInfringement: Answer.optional(),
    })
    .optional(),
  aiSystemIds: z.array(Uuid).max(50).optional(),
  status: IncidentStatusSchema.optional(),
  /** what was decided and done; required to resolve or close */
  resolution: LongText(20_000).optional(),
  version: Version,
});
export type UpdateIncidentInput = z.input<typeof UpdateIncidentInput>;

export const LogIncidentCommunicationInput = z.strictObject({
  recipient: CommunicationRecipientSchema,
  /** who exactly, e.g. the authority's name or "all customers of product X" */
  recipientDetail: z.string().trim().max(500).default(""),
  /** when it was sent (ISO date-time); defaults to now */
  sentAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
  summary: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(10_000, { message: "must be at most 10000 characters" }),
});
export type LogIncidentCommunicationInput = z.input<typeof LogIncidentCommunicationInput>;

export const IncidentListQuery = z.strictObject({
  status: IncidentStatusSchema.optional(),
  /** `open`: every status but resolved and closed */
  open: z
    .union([z.boolean(), z.enum(["true", "false"])], { message: "must be true or false" })
    .default(false)
    .transform((v) => v === true || v === "true"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;
export type IncidentListQueryInput = z.input<typeof IncidentListQuery>;

export const IncidentDeadlineView = z.object({
  kind: z.enum(incidentDeadlineKinds),
  /** last day (inclusive), YYYY-MM-DD */
  dueAt: z.string(),
  basis: z.string(),
  article: z.string(),
  title: z.string(),
  maxDays: z.number(),
  rulesId: z.string(),
  /** calendar days from today (UTC); 0 = due today, negative = overdue */
  daysLeft: z.number(),
  /** a communication that meets it has been logged (to the provider or the authority) */
  met: z.boolean(),
});
export type IncidentDeadlineView = z.infer<typeof IncidentDeadlineView>;

export const IncidentCommunicationView = z.object({
  id: Uuid,
  recipient: CommunicationRecipientSchema,
  recipientDetail: z.string(),
  sentAt: z.string(),
  summary: z.string(),
  loggedBy: z.string().nullable(),
  loggedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type IncidentCommunicationView = z.infer<typeof IncidentCommunicationView>;

export const IncidentView = z.object({
  id: Uuid,
  orgId: Uuid,
  title: z.string(),
  description: z.string(),
  occurredOn: z.string().nullable(),
  becameAwareOn: z.string(),
  severity: IncidentSeveritySchema,
  harmTypes: z.array(IncidentHarmTypeSchema),
  role: IncidentOperatorRoleSchema,
  seriousIncident: z.object({
    death: z.boolean().nullable(),
    seriousHealthHarm: z.boolean().nullable(),
    criticalInfrastructureDisruption: z.boolean().nullable(),
    fundamentalRightsInfringement: z.boolean().nullable(),
    seriousPropertyOrEnvironmentHarm: z.boolean().nullable(),
    widespreadInfringement: z.boolean().nullable(),
  }),
  assessment: z.object({
    outcome: z.enum(["serious", "not_serious", "undetermined"]),
    grounds: z.array(z.enum(["a", "b", "c", "d"])),
    widespreadInfringement: z.boolean(),
    unanswered: z.array(z.string()),
  }),
  status: IncidentStatusSchema,
  resolution: z.string(),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  deadlines: z.array(IncidentDeadlineView),
  reportedBy: z.string().nullable(),
  reportedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type IncidentView = z.infer<typeof IncidentView>;

/** The full incident with its communication log (`GET …/incidents/{id}`). */
export const IncidentDetailView = IncidentView.extend({
  communications: z.array(IncidentCommunicationView),
});
export type IncidentDetailView = z.infer<typeof IncidentDetailView>;

export const IncidentPage = Page(IncidentView).extend({ abilities: Abilities });
export type IncidentPage = z.infer<typeof IncidentPage>;
