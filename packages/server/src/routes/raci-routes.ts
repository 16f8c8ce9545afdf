import { z } from "zod";
import {
  CreateRaciActivityInput,
  PutRaciCellsInput,
  RaciExportQuery,
  RaciMatrixView,
  SeedRaciResult,
  UpdateRaciActivityInput,
  VersionQuery,
} from "@openaims/core";
import {
  createRaciActivity,
  deleteRaciActivity,
  exportRaciMatrix,
  getRaciMatrix,
  putRaciCells,
  seedRaciActivities,
  updateRaciActivity,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["responsibilities"];
const base = "/api/v1/orgs/:orgId/raci";

/** The RACI matrix of AIMS responsibilities (5.3): activities × members or roles, one letter per cell. */
export async function raciRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The RACI matrix",
        description:
          "Activities with their letters, the columns in use, every member and role that can be a column, and " +
          "the rule check: `complete` is true when every activity has exactly one A.",
        params: OrgParams,
        response: { 200: RaciMatrixView },
      },
    },
    async (request) => getRaciMatrix(ctx, await request.actorFor(request.params.orgId)),
  );
  app.put(
    base,
    {
      schema: {
        tags,
        summary: "Set the letters of some rows",
        description:
          "Each row replaces that activity's letters and names the activity `version` you read (stale → 409, " +
          "nothing stored). Breaking the one-A rule is allowed and reported in `issues`.",
        params: OrgParams,
        body: PutRaciCellsInput,
        response: { 200: RaciMatrixView },
      },
    },
    async (request) =>
      putRaciCells(ctx, await request.actorFor(request.params.orgId), request.meta(), request.body),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: "Export the RACI matrix as CSV or XLSX",
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        params: OrgParams,
        querystring: RaciExportQuery,
        response: { 200: z.string().describe("CSV text or an XLSX file") },
      },
    },
    async (request, reply) => {
      const file = await exportRaciMatrix(ctx, await request.actorFor(request.params.orgId), request.query);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.body as unknown as string);
    },
  );
  app.post(
    `${base}/activities`,
    {
      schema: {
        tags,
        summary: "Add an activity (a row)",
        description: "`frameworkNode` is `frameworkId:nodeId` or a bare ISO/IEC 42001 id such as `5.3`.",
        params: OrgParams,
        body: CreateRaciActivityInput,
        response: { 201: RaciMatrixView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createRaciActivity(ctx, actor, request.meta(), request.body));
    },
  );
  app.post(
    `${base}/activities/seed`,
    {
      schema: {
        tags,
        summary: "Add the default AIMS activities",
        description: "Adds those whose title is not in the matrix yet; seeding twice adds nothing.",
        params: OrgParams,
        response: { 200: SeedRaciResult },
      },
    },
    async (request) => seedRaciActivities(ctx, await request.actorFor(request.params.orgId), request.meta()),
  );
  app.patch(
    `${base}/activities/:id`,
    {
      schema: {
        tags,
        summary: "Change an activity (title, description, framework node, position)",
        params: OrgRecordParams,
        body: UpdateRaciActivityInput,
        response: { 200: RaciMatrixView },
      },
    },
    async (request) =>
      updateRaciActivity(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );
  app.delete(
    `${base}/activities/:id`,
    {
      schema: {
        tags,
        summary: "Delete an activity and its letters",
        params: OrgRecordParams,
        querystring: VersionQuery,
        response: { 200: RaciMatrixView },
      },
    },
    async (request) =>
      deleteRaciActivity(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.query.version,
      ),
  );
}
