import { z } from "zod";
import { raciLetters, raciPartyTypes } from "../context/vocabulary";
import { Abilities, LongText, Name, Uuid, Version } from "./common";

/** A matrix has at most this many activities, so the grid is always one bounded response. */
export const MAX_RACI_ACTIVITIES = 300;
/** …and at most this many columns (members and roles) carrying letters. */
export const MAX_RACI_COLUMNS = 100;

export const RaciLetterSchema = z.enum(raciLetters);
export const RaciParty = z.strictObject({
  type: z.enum(raciPartyTypes),
  /** a member's user id, or a role key (`governance_lead`, `custom:<id>`) */
  key: z.string().trim().min(1, { message: "must not be empty" }).max(100),
});
export type RaciParty = z.infer<typeof RaciParty>;
export const RaciAssignment = RaciParty.extend({ letter: RaciLetterSchema });
export type RaciAssignment = z.infer<typeof RaciAssignment>;

/** A framework node as `frameworkId:nodeId`, or a bare ISO/IEC 42001 id such as `5.3`. */
const NodeRef = z.string().trim().min(1).max(200);

const activityShape = {
  title: Name(300),
  description: LongText(2000),
  frameworkNode: NodeRef.nullable(),
};
export const CreateRaciActivityInput = z.strictObject({
  ...activityShape,
  description: activityShape.description.default(""),
  frameworkNode: activityShape.frameworkNode.default(null),
});
export type CreateRaciActivityInput = z.input<typeof CreateRaciActivityInput>;
export const UpdateRaciActivityInput = z
  .strictObject({
    ...activityShape,
    position: z.number().int().min(0).max(100_000),
  })
  .partial()
  .extend({ version: Version });
export type UpdateRaciActivityInput = z.input<typeof UpdateRaciActivityInput>;

/**
 * Replaces the letters of the rows sent (each row exactly as given; a party left out has no letter). Each row
 * names the activity version read: a stale one fails the whole request with 409 and nothing is stored.
 */
export const PutRaciCellsInput = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        activityId: Uuid,
        version: Version,
        assignments: z.array(RaciAssignment).max(MAX_RACI_COLUMNS),
      }),
    )
    .min(1, { message: "send at least one row" })
    .max(MAX_RACI_ACTIVITIES),
});
export type PutRaciCellsInput = z.input<typeof PutRaciCellsInput>;

export const RaciColumnView = RaciParty.extend({
  label: z.string(),
  /** false for a member who left or a role that no longer exists (their letters are kept until changed) */
  active: z.boolean(),
});
export type RaciColumnView = z.infer<typeof RaciColumnView>;

export const raciRules = ["no_accountable", "several_accountable", "no_responsible"] as const;
export const RaciIssue = z.object({
  activityId: Uuid,
  rule: z.enum(raciRules),
  /** errors keep the matrix incomplete; warnings are advice */
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});
export type RaciIssue = z.infer<typeof RaciIssue>;

export const RaciActivityView = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  frameworkNode: z.object({ id: z.string(), label: z.string() }).nullable(),
  position: z.number().int(),
  assignments: z.array(RaciAssignment),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type RaciActivityView = z.infer<typeof RaciActivityView>;

export const RaciMatrixView = z.object({
  activities: z.array(RaciActivityView),
  /** the columns that carry at least one letter, members first */
  columns: z.array(RaciColumnView),
  /** every member and role that can be added as a column */
  candidates: z.array(RaciColumnView),
  issues: z.array(RaciIssue),
  /** at least one activity, and every activity has exactly one A */
  complete: z.boolean(),
  abilities: Abilities,
});
export type RaciMatrixView = z.infer<typeof RaciMatrixView>;

export const RaciExportQuery = z.strictObject({ format: z.enum(["csv", "xlsx"]).default("csv") });
export type RaciExportQuery = z.infer<typeof RaciExportQuery>;

export const SeedRaciResult = z.object({ added: z.number().int(), matrix: RaciMatrixView });
export type SeedRaciResult = z.infer<typeof SeedRaciResult>;
