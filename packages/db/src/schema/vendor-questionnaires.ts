import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";
import { vendors } from "./inventory";

// ─── Vendors: AI-supplier due-diligence questionnaire (helper "vendors", issue 4 §1, A.10) ─────────────────────────
/**
 * The one draft of a vendor's due-diligence questionnaire (at most one per vendor): the answers so far, keyed by
 * question id of the core questionnaire `questionnaire_version`, validated by core. Edited with an optimistic
 * `version`; completing it turns it into a `vendor_questionnaire_responses` row and deletes the draft.
 */
export const vendorQuestionnaireDrafts = pgTable(
  "vendor_questionnaire_drafts",
  {
    id: id(),
    ...tenant(),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    questionnaireVersion: text("questionnaire_version").notNull(),
    answers: jsonb("answers").notNull().default({}),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("vendor_questionnaire_drafts_vendor_key").on(t.orgId, t.vendorId)],
);

/**
 * A completed due-diligence questionnaire: immutable once inserted (a trigger refuses UPDATE and DELETE). It keeps
 * the questionnaire version it answered, the answers, and the score as computed at completion (points, the
 * suggested risk rating and the concerns), who completed it and when. `number` counts a vendor's responses from 1.
 */
export const vendorQuestionnaireResponses = pgTable(
  "vendor_questionnaire_responses",
  {
    id: id(),
    ...tenant(),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    number: integer("number").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    answers: jsonb("answers").notNull(),
    score: jsonb("score").notNull(),
    suggestedRating: text("suggested_rating").notNull(),
    concernCount: integer("concern_count").notNull(),
    completedBy: uuid("completed_by").references(() => users.id),
    completedAt: ts("completed_at").notNull(),
  },
  (t) => [
    uniqueIndex("vendor_questionnaire_responses_number_key").on(t.orgId, t.vendorId, t.number),
    index("vendor_questionnaire_responses_vendor_idx").on(t.orgId, t.vendorId, t.completedAt),
  ],
);
