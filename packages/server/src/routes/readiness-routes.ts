import { ReadinessQuery, ReadinessView } from "@openaims/core";
import { getReadiness } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";
import { shapedSerializerCompiler } from "../plugins/shaped-serializer";

/** ISO/IEC 42001 readiness, computed from live records on every request. */
export async function readinessRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/readiness",
    {
      schema: {
        tags: ["readiness"],
        summary: "Readiness for an ISO/IEC 42001 certification audit",
        description:
          "For every clause requirement and Annex A control: a status (ready, partial, missing, not_applicable), " +
          "each rule's checks with what satisfies them, what is in place and what is missing (with the area where " +
          "it is fixed); percentages overall, per clause and per Annex A group; overdue document reviews and stale " +
          "evidence. `group` (e.g. `6` or `A.6`) narrows the node list; the percentages always cover everything. " +
          "Needs `aims.read`.",
        params: OrgParams,
        querystring: ReadinessQuery,
        response: { 200: ReadinessView },
      },
      // the view comes from core's pure evaluation: written by its shape, not re-validated value by value
      serializerCompiler: shapedSerializerCompiler,
    },
    async (request) => getReadiness(ctx, await request.actorFor(request.params.orgId), request.query),
  );
}
