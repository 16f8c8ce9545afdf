import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

// ─── Competence and AI literacy (helper "training", ISO/IEC 42001 7.2, EU AI Act Art. 4) ────────────────────────
/**
 * The organization's training catalogue: what a member must have completed to be competent. `kind` is
 * ai_literacy | role_specific | other; `validity_months` (null: never expires) turns a completion date into an
 * expiry; `required` topics count in the coverage of every member whose role is in `roles` (an empty list: every
 * member), and of the owners of the AI systems linked through `record_links` (`source_type = training_topic`).
 * `ai_literacy` marks a topic that counts toward the AI literacy measures of EU AI Act Art. 4.
 */
export const trainingTopics = pgTable(
  "training_topics",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull().default("other"),
    validityMonths: integer("validity_months"),
    required: boolean("required").notNull().default(true),
    roles: jsonb("roles").$type<string[]>().notNull().default([]),
    aiLiteracy: boolean("ai_literacy").notNull().default(false),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("training_topics_org_name_idx").on(t.orgId, t.name, t.id)],
);

/**
 * One completed training of one member (`user_id`) on one topic, on `completed_on` (a calendar day, never in the
 * future). The expiry is derived at read time from the topic's validity unless `expires_on` states it (a
 * certificate with its own end date). Evidence is linked through `record_links` (`source_type = training_record`).
 * The status (current, expiring_soon, expired) is never stored: it depends on today.
 */
export const trainingRecords = pgTable(
  "training_records",
  {
    id: id(),
    ...tenant(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => trainingTopics.id),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    provider: text("provider").notNull().default(""),
    method: text("method").notNull().default("other"),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [
    index("training_records_org_user_idx").on(t.orgId, t.userId, t.topicId),
    index("training_records_org_topic_idx").on(t.orgId, t.topicId, t.completedOn),
  ],
);
