import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

export const customRoles = pgTable(
  "custom_roles",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    permissions: jsonb("permissions").$type<string[]>().notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("custom_roles_org_name_key")
      .on(t.orgId, t.name)
      .where(sql`deleted_at is null`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    ...tenant(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** a built-in role name, or null when `custom_role_id` grants the permissions */
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    status: text("status").$type<"active" | "deactivated">().notNull().default("active"),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    ...tenant(),
    email: text("email").notNull(),
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_org_idx").on(t.orgId, t.createdAt),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    ...tenant(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    tokenHash: text("token_hash").notNull(),
    /** the first characters, shown in lists so people can tell tokens apart */
    prefix: text("prefix").notNull(),
    lastUsedAt: ts("last_used_at"),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_token_key").on(t.tokenHash),
    index("api_tokens_org_idx").on(t.orgId, t.createdAt),
  ],
);

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: ts("locked_until"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
