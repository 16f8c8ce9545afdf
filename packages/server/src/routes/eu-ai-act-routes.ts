import {
  ClassificationAnswers,
  ClassificationResult,
  classifyAiSystem,
  currentEuAiActRules,
} from "@openaims/core";
import type { ServerDeps, ZodApp } from "../deps";

const tags = ["eu-ai-act"];

/**
 * The EU AI Act classifier as a pure calculator: answers in, classification out, nothing stored. It asks for a
 * signed-in user or API token (like the framework catalogues) because the server has no general rate limit for
 * anonymous callers; `aims classify` computes the same result locally without a server.
 */
export async function euAiActRoutes(app: ZodApp, _deps: ServerDeps): Promise<void> {
  app.post(
    "/api/v1/eu-ai-act/classify",
    {
      schema: {
        tags,
        summary: "Classify an AI system under the EU AI Act from questionnaire answers (stateless)",
        description:
          "Takes the questionnaire answers and returns the classification on separate axes (Art. 5 prohibited " +
          "practices, high-risk route under Art. 6(1)/(2) with the Art. 6(3) exceptions and the profiling override, " +
          "Art. 50 transparency, the GPAI model axis, Art. 27 FRIA, Art. 49 registration) with the obligations per " +
          `role, each dated from versioned rule data (currently ${currentEuAiActRules.id}), and a rationale naming ` +
          "the articles. Stores nothing. Any signed-in user or API token may call it. 400 naming the field for " +
          "unknown or contradictory answers (e.g. an unknown Annex III point, an Art. 6(3) exception without one).",
        body: ClassificationAnswers,
        response: { 200: ClassificationResult },
      },
    },
    async (request) => {
      await request.requireIdentity();
      return classifyAiSystem(request.body, currentEuAiActRules);
    },
  );
}
