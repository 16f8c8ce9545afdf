import { z } from "zod";
import { definePolicy } from "../access/policy";
import { can } from "../access/actor";
import {
  DriftRunResult,
  MeasurementPolicyRule,
  measurementKinds,
  PerformanceRunResult,
  PolicyOutcomeSchema,
} from "../measurement/policies";
import { FairnessResult } from "../measurement/types";
import { Abilities, LongText, Name, Page, Uuid, Version } from "./common";

/**
 * Reading runs and policies is reading the AI system; recording a run adds evidence (`evidence.write`); setting
 * an AI system's thresholds is changing the AI system (`ai_system.update`).
 */
export const measurementPolicy = definePolicy<{ aiSystemId: string }>()("measurements", {
  read: (a) => can(a, "ai_system.read"),
  record: (a) => can(a, "evidence.write"),
  setPolicies: (a) => can(a, "ai_system.update"),
});

export const MeasurementKindSchema = z.enum(measurementKinds);
export const measurementRunSources = ["manual", "cli", "api"] as const;

/** The input summary `aims measure … --json` prints: the SHA-256 and row counts are the run's fingerprint. */
export const MeasurementInputSummary = z.looseObject({
  file: z.string().max(1000).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "must be a SHA-256 hex digest" }),
  rowsRead: z.number().int().min(0),
  rowsUsed: z.number().int().min(0),
});
export type MeasurementInputSummary = z.infer<typeof MeasurementInputSummary>;

/** Exactly what `aims measure fairness|performance|drift --json` prints. */
export const MeasurementRunPayload = z.discriminatedUnion("kind", [
  FairnessResult.extend({ input: MeasurementInputSummary }),
  PerformanceRunResult.extend({ input: MeasurementInputSummary }),
  DriftRunResult.extend({ reference: MeasurementInputSummary, current: MeasurementInputSummary }),
]);
export type MeasurementRunPayload = z.infer<typeof MeasurementRunPayload>;

export const RecordMeasurementRunInput = z.strictObject({
  /** default: "<Kind> measurement of <file>" */
  title: Name(300).optional(),
  modelRef: Name(300).nullable().default(null),
  datasetRef: Name(300).nullable().default(null),
  /** how it was computed (columns, positive values, threshold, reference groups …), kept as sent */
  parameters: z.record(z.string(), z.unknown()).default({}),
  result: MeasurementRunPayload,
});
export type RecordMeasurementRunInput = z.input<typeof RecordMeasurementRunInput>;

export const MeasurementRunSummary = z.object({
  id: Uuid,
  aiSystemId: Uuid,
  kind: MeasurementKindSchema,
  title: z.string(),
  modelRef: z.string().nullable(),
  datasetRef: z.string().nullable(),
  sha256: z.string().nullable(),
  rowsUsed: z.number().int().nullable(),
  policyStatus: z.enum(["pass", "fail", "no_policies"]),
  failedRules: z.number().int(),
  evidenceId: Uuid.nullable(),
  taskId: Uuid.nullable(),
  source: z.enum(measurementRunSources),
  createdBy: Uuid.nullable(),
  createdAt: z.string(),
});
export type MeasurementRunSummary = z.infer<typeof MeasurementRunSummary>;

export const MeasurementRunView = MeasurementRunSummary.extend({
  input: z.unknown(),
  parameters: z.record(z.string(), z.unknown()),
  conventions: z.unknown(),
  result: z.unknown(),
  policyOutcome: PolicyOutcomeSchema,
});
export type MeasurementRunView = z.infer<typeof MeasurementRunView>;

export const MeasurementRunListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  kind: MeasurementKindSchema.optional(),
});
export type MeasurementRunListQuery = z.input<typeof MeasurementRunListQuery>;
export const MeasurementRunPage = Page(MeasurementRunSummary).extend({ abilities: Abilities });
export type MeasurementRunPage = z.infer<typeof MeasurementRunPage>;

export const MeasurementPolicyView = z.object({
  id: Uuid,
  aiSystemId: Uuid,
  kind: MeasurementKindSchema,
  rule: MeasurementPolicyRule,
  label: z.string(),
  description: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeasurementPolicyView = z.infer<typeof MeasurementPolicyView>;
export const MeasurementPolicyList = z.object({
  items: z.array(MeasurementPolicyView),
  abilities: Abilities,
});
export type MeasurementPolicyList = z.infer<typeof MeasurementPolicyList>;

export const CreateMeasurementPolicyInput = z.strictObject({
  rule: MeasurementPolicyRule,
  description: LongText(2000).default(""),
});
export type CreateMeasurementPolicyInput = z.input<typeof CreateMeasurementPolicyInput>;
export const UpdateMeasurementPolicyInput = z.strictObject({
  rule: MeasurementPolicyRule.optional(),
  description: LongText(2000).optional(),
  version: Version,
});
export type UpdateMeasurementPolicyInput = z.input<typeof UpdateMeasurementPolicyInput>;
export const DeleteMeasurementPolicyQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
