import { z } from "zod";
import { FrameworkDetailView, FrameworkListView } from "@openaims/core";
import { getFramework, listFrameworks } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";

const tags = ["frameworks"];
const FrameworkParams = z.object({ frameworkId: z.string().min(1).max(100) });

export async function frameworkRoutes(app: ZodApp, _deps: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/frameworks",
    {
      schema: {
        tags,
        summary: "Framework catalogues shipped with OpenAIMS",
        description:
          "Every framework version with its node counts. Any signed-in user or API token may read it.",
        response: { 200: FrameworkListView },
      },
    },
    async (request) => listFrameworks(await request.requireIdentity()),
  );

  app.get(
    "/api/v1/frameworks/:frameworkId",
    {
      schema: {
        tags,
        summary: "One framework catalogue as a node tree with guidance",
        description:
          "Identifiers and short titles of the framework, nested (clauses, Annex A groups, objectives, controls), " +
          "with OpenAIMS-written guidance on each requirement and control. 404 for an unknown framework id.",
        params: FrameworkParams,
        response: { 200: FrameworkDetailView },
      },
    },
    async (request) => getFramework(await request.requireIdentity(), request.params.frameworkId),
  );
}
