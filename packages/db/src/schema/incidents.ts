import { date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, organizations, ts, id, tenant } from "./base";

// ─── AI incidents (helper "incidents", issue 4 §4) ──────────────────────────────────────────────────────────────
/**
 * AI incidents (A.8.4; EU AI Act Art. 73). `became_aware_on` starts the regulatory clocks, which are computed from
 * the versioned EU AI Act rule data and never stored. `serious_answers` holds the Art. 3(49) answers
 * (true/false/null per question). The AI systems involved are `record_links` rows with `source_type = 'incident'`.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    occurredOn: date("occurred_on", { mode: "string" }),
    becameAwareOn: date("became_aware_on", { mode: "string" }).notNull(),
    severity: text("severity").notNull().default("medium"),
    harmTypes: jsonb("harm_types").$type<string[]>().notNull().default([]),
    role: text("role").notNull().default("provider"),
    seriousAnswers: jsonb("serious_answers").$type<Record<string, boolean | null>>().notNull().default({}),
    status: text("status").notNull().default("reported"),
    resolution: text("resolution").notNull().default(""),
    reportedBy: uuid("reported_by").references(() => users.id),
  },
  (t) => [
    index("incidents_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("incidents_org_status_idx").on(t.orgId, t.status),
  ],
);

/** The communication log of an incident: to the provider, an authority, affected people, customers. Append-only. */
export const incidentCommunications = pgTable(
  "incident_communications",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    recipient: text("recipient").notNull(),
    recipientDetail: text("recipient_detail").notNull().default(""),
    sentAt: ts("sent_at").notNull(),
    summary: text("summary").notNull(),
    loggedBy: uuid("logged_by").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_communications_incident_idx").on(t.orgId, t.incidentId, t.sentAt)],
);
