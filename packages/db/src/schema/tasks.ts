import { sql } from "drizzle-orm";
import { date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

// ─── Tasks (issue 3 §8) — area "tasks" ─────────────────────────────────────────────────────────────────────
/**
 * A piece of work with an assignee and a due date, about one record. Made by hand (`origin = 'manual'`) or by a
 * generator (app `generateTasks`), which sets `origin` (`document_review`, `soa_gap` …) and `origin_key`, the
 * condition the task stands for (e.g. `document_review:<documentId>:<next review date>`,
 * `soa_gap:<frameworkId>:<controlId>`); at most one active task per key and org (partial unique index), so
 * generation is idempotent even when several nodes run it at once.
 * - `status`: open | in_progress (active) → done | cancelled (closed; can be reopened);
 * - `due_date`: a calendar day; a task is overdue when active and `due_date < current_date` (UTC);
 * - `subject_type` / `subject_id`: the record it is about, a link target type of core `shared/links.ts`
 *   (`document`, `soa_entry`, `framework_node` as `frameworkId:nodeId` …), or both null;
 * - `completed_at` / `completed_by`: when and by whom it was closed (done or cancelled); by null = the system.
 * Readiness / dashboard count e.g. overdue tasks as
 * `status in ('open','in_progress') AND due_date < current_date`.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status").notNull().default("open"),
    priority: text("priority"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    origin: text("origin").notNull().default("manual"),
    originKey: text("origin_key"),
    completedAt: ts("completed_at"),
    completedBy: uuid("completed_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("tasks_origin_key_active_key")
      .on(t.orgId, t.originKey)
      .where(sql`origin_key is not null and status in ('open', 'in_progress')`),
    // the list's default order (due date, undated last) compares exactly this expression
    index("tasks_org_due_idx").on(t.orgId, sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.id),
    index("tasks_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("tasks_org_status_due_idx").on(t.orgId, t.status, t.dueDate),
    index("tasks_org_assignee_idx").on(t.orgId, t.assigneeId, t.status),
    index("tasks_org_subject_idx").on(t.orgId, t.subjectType, t.subjectId),
    index("tasks_org_origin_idx").on(t.orgId, t.origin, t.status),
  ],
);
