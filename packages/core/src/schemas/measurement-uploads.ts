import { z } from "zod";
import { Name } from "./common";

/**
 * The `params` field of `POST …/ai-systems/{id}/measurement-runs/upload`: the options `aims measure …` takes, as
 * JSON (camelCase, lists as arrays). The file parts follow it in the same multipart body.
 */
const Column = z.string().trim().min(1, { message: "must not be empty" }).max(300);
const Values = z.array(z.string().max(300)).max(1000);
const Format = z.enum(["csv", "jsonl"], { message: "must be csv or jsonl" });

const fileOptions = {
  /** default: from the file name (`.jsonl`/`.ndjson` → jsonl), else csv */
  format: Format.optional(),
  delimiter: z.string().length(1, { message: "must be one character" }).optional(),
  /** texts read as missing besides the empty cell; default NA, N/A, NaN, nan, null, NULL, None, ? */
  na: Values.optional(),
  skipInvalid: z.boolean().default(false),
};

const runOptions = {
  /** default: "<Kind> measurement of <file>" */
  title: Name(300).optional(),
  modelRef: Name(300).nullable().default(null),
  datasetRef: Name(300).nullable().default(null),
  /** also store the uploaded file(s) as evidence (kind file); default: only the SHA-256 fingerprint is kept */
  keepFile: z.boolean().default(false),
};

const classificationOptions = {
  label: Column,
  labelPositive: Values.default([]),
  labelNegative: Values.default([]),
  prediction: Column.optional(),
  positive: Values.default([]),
  negative: Values.default([]),
  score: Column.optional(),
  threshold: z.number().finite().optional(),
  timestamp: Column.optional(),
  segment: Column.optional(),
};

/** Bootstrap replicates are computed in the request: bounded so one upload cannot hold a core for hours. */
export const MAX_UPLOAD_BOOTSTRAP = 1000;

export const FairnessUploadParams = z.strictObject({
  kind: z.literal("fairness"),
  ...fileOptions,
  ...runOptions,
  ...classificationOptions,
  groups: z.array(Column).min(1, { message: "give at least one sensitive-attribute column" }).max(20),
  /** reference group per attribute; default the largest group */
  reference: z.record(z.string(), z.string().max(300)).default({}),
  intersectional: z.boolean().default(false),
  minGroupSize: z.number().int().min(0).default(30),
  tau: z.number().gt(0).lte(1).default(0.8),
  bootstrap: z.number().int().min(0).max(MAX_UPLOAD_BOOTSTRAP).default(0),
  seed: z.number().int().min(0).default(1),
});

export const PerformanceUploadParams = z.strictObject({
  kind: z.literal("performance"),
  ...fileOptions,
  ...runOptions,
  ...classificationOptions,
  groups: z.array(Column).max(20).default([]),
});

export const DriftUploadParams = z.strictObject({
  kind: z.literal("drift"),
  ...fileOptions,
  ...runOptions,
  /** columns to compare; default every column of the reference */
  columns: z.array(Column).max(1000).default([]),
  numeric: z.array(Column).max(1000).default([]),
  categorical: z.array(Column).max(1000).default([]),
  bins: z.number().int().min(2).max(100).default(10),
});

export const MeasurementUploadParams = z.discriminatedUnion(
  "kind",
  [FairnessUploadParams, PerformanceUploadParams, DriftUploadParams],
  { error: () => ({ message: "kind must be fairness, performance or drift" }) },
);
export type MeasurementUploadParams = z.output<typeof MeasurementUploadParams>;
export type MeasurementUploadParamsInput = z.input<typeof MeasurementUploadParams>;
