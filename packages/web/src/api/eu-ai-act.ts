import type { ClassificationAnswers, ClassificationResult } from "@openaims/core";
import { api } from "./client";

export type { ClassificationAnswers, ClassificationResult };

export const euAiActApi = {
  /** The stateless classifier: nothing is stored. */
  classify: (answers: ClassificationAnswers) =>
    api.post<ClassificationResult>("/api/v1/eu-ai-act/classify", answers),
};
