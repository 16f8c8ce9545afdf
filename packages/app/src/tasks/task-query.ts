import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import {
  activeTaskStatuses,
  frameworkNodeRef,
  invalidInput,
  parseFrameworkNodeRef,
  type TaskListQuery,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { assignees, type TaskRow } from "./task-records";

const { tasks } = tables;
type Filter = Omit<TaskListQuery, "limit" | "cursor" | "sort">;
type Sort = TaskListQuery["sort"];

/** Every condition starts with the org, so each list query is served by an index that starts with org_id. */
export function taskConditions(orgId: string, userId: string, today: string, f: Filter): SQL[] {
  const conds: SQL[] = [eq(tasks.orgId, orgId)];
  if (f.status === "active") conds.push(inArray(tasks.status, [...activeTaskStatuses]));
  else if (f.status === "closed") conds.push(inArray(tasks.status, ["done", "cancelled"]));
  else if (f.status) conds.push(eq(tasks.status, f.status));
  if (f.assigneeId) conds.push(eq(tasks.assigneeId, f.assigneeId));
  if (f.mine) conds.push(eq(tasks.assigneeId, userId));
  if (f.overdue) {
    conds.push(inArray(tasks.status, [...activeTaskStatuses]));
    conds.push(lt(tasks.dueDate, today));
  }
  if (f.origin) conds.push(eq(tasks.origin, f.origin));
  if (f.subjectType) conds.push(eq(tasks.subjectType, f.subjectType));
  if (f.subjectId) {
    const id =
      f.subjectType === "framework_node"
        ? (({ frameworkId, nodeId }) => frameworkNodeRef(frameworkId, nodeId))(
            parseFrameworkNodeRef(f.subjectId),
          )
        : f.subjectId;
    conds.push(eq(tasks.subjectId, id));
  }
  return conds;
}

interface SortSpec {
  expr: SQL;
  asText: SQL<string>;
  fromText: (v: string) => SQL;
  accepts: (v: string) => boolean;
  desc: boolean;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function sortSpec(sort: Sort): SortSpec {
  if (sort === "dueDate") {
    // undated tasks last: exactly the expression of the index tasks_org_due_idx
    const expr = sql`coalesce(${tasks.dueDate}, 'infinity'::date)`;
    return {
      expr,
      asText: sql<string>`${expr}::text`,
      fromText: (v) => sql`${v}::date`,
      accepts: (v) => v === "infinity" || (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
      desc: false,
    };
  }
  return {
    expr: sql`${tasks.createdAt}`,
    asText: sql<string>`to_char(${tasks.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromText: (v) => sql`${v}::timestamptz`,
    accepts: (v) => ISO_UTC.test(v) && new Date(v).toISOString().slice(0, 23) === v.slice(0, 23),
    desc: true,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () =>
  invalidInput("The cursor is not valid for this list; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });

/** One keyset page in (sort key, id) order with assignees joined, plus the total for the filter. */
export async function selectTaskPage(
  db: Executor,
  conds: SQL[],
  sort: Sort,
  limit: number,
  cursor: string | undefined,
): Promise<{
  rows: { row: TaskRow; assigneeName: string | null }[];
  nextCursor: string | null;
  total: number;
}> {
  const spec = sortSpec(sort);
  const after = decodeCursor(cursor, 3);
  const where = [...conds];
  if (after) {
    const [s, key, id] = after;
    if (
      s !== sort ||
      typeof key !== "string" ||
      typeof id !== "string" ||
      !UUID.test(id) ||
      !spec.accepts(key)
    )
      throw badCursor();
    const cmp = spec.desc ? sql`<` : sql`>`;
    where.push(sql`(${spec.expr}, ${tasks.id}) ${cmp} (${spec.fromText(key)}, ${id}::uuid)`);
  }
  const dir = spec.desc ? desc : asc;
  const rows = await db
    .select({ row: tasks, assigneeName: assignees.name, sortKey: spec.asText })
    .from(tasks)
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .where(and(...where))
    .orderBy(dir(spec.expr), dir(tasks.id))
    .limit(limit + 1);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(tasks)
    .where(and(...conds));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor([sort, last.sortKey, last.row.id]) : null,
    total: count?.n ?? 0,
  };
}
