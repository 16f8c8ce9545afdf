import { and, eq } from "drizzle-orm";
import {
  abilitiesOf,
  contextPolicy,
  issueReviewDue,
  notFound,
  type Actor,
  type ContextIssueFields,
  type ContextIssueView,
  type IssueKind,
  type IssueTopic,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const { contextIssues, users } = tables;
export type ContextIssueRow = typeof contextIssues.$inferSelect;

export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

export function toIssueState(row: ContextIssueRow): ContextIssueFields & {
  id: string;
  version: number;
  archivedAt: Date | null;
} {
  return {
    id: row.id,
    version: row.version,
    archivedAt: row.archivedAt,
    kind: row.kind as IssueKind,
    topic: row.topic as IssueTopic,
    title: row.title,
    description: row.description,
    effect: row.effect,
    source: row.source,
    ownerId: row.ownerId,
    reviewDate: row.reviewDate,
  };
}

export function presentIssue(
  actor: Actor,
  row: ContextIssueRow,
  ownerName: string | null,
  today: string,
  abilities = abilitiesOf(actor, contextPolicy, {}),
): ContextIssueView {
  return {
    id: row.id,
    kind: row.kind as IssueKind,
    topic: row.topic as IssueTopic,
    title: row.title,
    description: row.description,
    effect: row.effect,
    source: row.source,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    reviewDate: row.reviewDate,
    reviewDue: issueReviewDue(row.reviewDate, today),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

/** An issue of the org with its owner's name; another org's id is a 404. */
export async function findIssue(
  db: Executor,
  orgId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<{ row: ContextIssueRow; ownerName: string | null }> {
  const q = db
    .select({ row: contextIssues, ownerName: users.name })
    .from(contextIssues)
    .leftJoin(users, eq(users.id, contextIssues.ownerId))
    .where(and(eq(contextIssues.orgId, orgId), eq(contextIssues.id, id)));
  const [found] = opts.lock ? await q.for("update", { of: contextIssues }) : await q;
  if (!found) throw notFound("Issue");
  return found;
}
