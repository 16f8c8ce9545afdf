import {
  CreateTaskInput,
  GenerateTasksResult,
  TaskListQuery,
  TaskPage,
  TaskSummary,
  TaskView,
  UpdateTaskInput,
} from "@openaims/core";
import { createTask, generateTasks, getTask, getTaskSummary, listTasks, updateTask } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["tasks"];
const base = "/api/v1/orgs/:orgId/tasks";

/** Tasks: thin adapters over the use cases in @openaims/app. */
export async function taskRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List tasks",
        description:
          "Filter by `status` (a status, `active` = open or in progress, `closed` = done or cancelled), " +
          "`assigneeId`, `mine=true` (assigned to the caller), `overdue=true` (active and due before today, UTC), " +
          "`origin`, and `subjectType` + `subjectId`. Sorted by due date (undated last) or `-createdAt`; " +
          "keyset-paged with `cursor` from `nextCursor`. Needs `aims.read`.",
        params: OrgParams,
        querystring: TaskListQuery,
        response: { 200: TaskPage },
      },
    },
    async (request) => listTasks(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.get(
    `${base}/summary`,
    {
      schema: {
        tags,
        summary: "Task counts",
        description:
          "Active tasks (`open`), those overdue, and the caller's own (`mine`, `mineOverdue`): one aggregate " +
          "query, for dashboards.",
        params: OrgParams,
        response: { 200: TaskSummary },
      },
    },
    async (request) => getTaskSummary(ctx, await request.actorFor(request.params.orgId)),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Create a task",
        description:
          "An open task made by hand. `assigneeId` must be an active member; `subject` (`{ type, id }`) a record " +
          "of this organization (framework nodes as `A.2.2` or `iso-iec-42001-2023:A.2.2`). Needs `task.write`.",
        params: OrgParams,
        body: CreateTaskInput,
        response: { 201: TaskView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createTask(ctx, actor, request.meta(), request.body));
    },
  );

  app.post(
    `${base}/generate`,
    {
      schema: {
        tags,
        summary: "Generate tasks now",
        description:
          "Opens the tasks other records call for (document reviews due within 30 days or overdue, gaps in the " +
          "Statement of Applicability) and closes generated tasks whose condition has cleared. Idempotent; the " +
          "server also runs it on a schedule. Needs `task.write`.",
        params: OrgParams,
        response: { 200: GenerateTasksResult },
      },
    },
    async (request) => {
      const actor = await request.actorFor(request.params.orgId);
      return generateTasks(ctx, actor.orgId, actor, request.meta());
    },
  );

  app.get(
    `${base}/:id`,
    { schema: { tags, summary: "A task", params: OrgRecordParams, response: { 200: TaskView } } },
    async (request) => getTask(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change, assign or move a task",
        description:
          "Only the fields sent change; `status` moves the task (open ↔ in progress → done | cancelled; a closed " +
          "task can only be reopened). `version` is the version you read: a stale one is 409 `conflict`; a move " +
          "the status machine refuses is 409 `invalid_state`. Editing and assigning need `task.write`; the " +
          "assignee may move their own task between open, in progress and done without it, but not cancel it.",
        params: OrgRecordParams,
        body: UpdateTaskInput,
        response: { 200: TaskView },
      },
    },
    async (request) =>
      updateTask(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );
}
