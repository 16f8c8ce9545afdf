import {
  ConcernListQuery,
  ConcernPage,
  ConcernView,
  ReportConcernInput,
  UpdateConcernInput,
} from "@openaims/core";
import { getConcern, listConcerns, reportConcern, updateConcern } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["concerns"];
const base = "/api/v1/orgs/:orgId/concerns";

/** Reported concerns (A.3.3): confidential records; see docs/objectives-and-concerns.md. */
export async function concernRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Report a concern",
        description:
          "Any member with `concern.report`. With `anonymous: true` the reporter is stored nowhere — not on the " +
          "concern, not in the audit event (recorded with the system as actor) — so the reporter cannot follow it " +
          "up here either.",
        params: OrgParams,
        body: ReportConcernInput,
        response: { 201: ConcernView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await reportConcern(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List concerns",
        description:
          "Newest first. With `concern.manage`: every concern (`mine=true`: only one's own); otherwise only the " +
          "concerns one reported under one's name.",
        params: OrgParams,
        querystring: ConcernListQuery,
        response: { 200: ConcernPage },
      },
    },
    async (request) => listConcerns(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "A concern",
        description: "404 unless the caller holds `concern.manage` or reported it under their name.",
        params: OrgRecordParams,
        response: { 200: ConcernView },
      },
    },
    async (request) => getConcern(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Move a concern along and answer the reporter",
        description:
          "`concern.manage` only (the reporter gets 403, anyone else 404). received → investigating → resolved | " +
          "dismissed; a closed concern can be reopened (investigating). Closing needs a `response`. Stale " +
          "`version` → 409.",
        params: OrgRecordParams,
        body: UpdateConcernInput,
        response: { 200: ConcernView },
      },
    },
    async (request) =>
      updateConcern(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );
}
