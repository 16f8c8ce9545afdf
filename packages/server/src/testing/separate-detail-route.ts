import type { FastifyInstance } from "fastify";
import { AiSystemView } from "@openaims/core";
import { getAiSystem, type AppContext } from "@openaims/app";
import { shapedSerializerCompiler } from "../plugins/shaped-serializer";
import { OrgRecordParams } from "../routes/route-kit";

/**
 * The AI system detail as it was before it read the system along with the credential: `actorFor` (credential
 * and membership, one statement), then `getAiSystem` (a second) — same schema and serializer. Mounted under
 * `/separate/api/v1/orgs/:orgId/ai-systems/:id` as the oracle of the equivalence test and the detail bench.
 */
export function mountSeparateAiSystemDetail(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { orgId: string; id: string } }>(
    "/separate/api/v1/orgs/:orgId/ai-systems/:id",
    {
      schema: { params: OrgRecordParams, response: { 200: AiSystemView } },
      serializerCompiler: shapedSerializerCompiler,
    },
    async (request) => getAiSystem(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
}
