import { bigint, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./base";

/** One row per organization: the head of its audit chain. Writers lock it to append. */
export const auditHeads = pgTable("audit_heads", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
  hash: text("hash").notNull(),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    id: uuid("id").notNull(),
    type: text("type").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    /** set when the actor used an API token */
    actorTokenId: text("actor_token_id"),
    requestId: text("request_id"),
    /** ISO string exactly as hashed, so re-reading never changes the bytes */
    occurredAt: text("occurred_at").notNull(),
    /** canonical JSON text exactly as hashed (not jsonb, which would reorder keys and reformat numbers) */
    payload: text("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    index("audit_events_entity_idx").on(t.orgId, t.entityType, t.entityId, t.seq),
    index("audit_events_actor_idx").on(t.orgId, t.actorId, t.seq),
    index("audit_events_time_idx").on(t.orgId, t.occurredAt),
  ],
);
