import { asc, eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";

export { orgWithMembers } from "../testing";

export async function tasksOf(ctx: AppContext, orgId: string) {
  return ctx.database.db
    .select()
    .from(tables.tasks)
    .where(eq(tables.tasks.orgId, orgId))
    .orderBy(asc(tables.tasks.createdAt), asc(tables.tasks.originKey));
}

export async function eventsOf(ctx: AppContext, orgId: string) {
  const rows = await ctx.database.db
    .select()
    .from(tables.auditEvents)
    .where(eq(tables.auditEvents.orgId, orgId))
    .orderBy(asc(tables.auditEvents.seq));
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/** A published document (straight into the table) whose next review is on `nextReviewAt`. */
export async function publishedDocument(
  ctx: AppContext,
  orgId: string,
  fields: Partial<typeof tables.documents.$inferInsert> = {},
) {
  const [doc] = await ctx.database.db
    .insert(tables.documents)
    .values({
      orgId,
      title: "AI policy",
      kind: "policy",
      status: "published",
      publishedVersion: 1,
      publishedAt: new Date("2025-01-01T00:00:00Z"),
      ...fields,
    })
    .returning();
  return doc!;
}
