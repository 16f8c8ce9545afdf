import { latestExpiry, type GeneratedTaskSpec } from "@openaims/core";
import type { TaskSource } from "../tasks/sources/task-source";
import { loadTrainingCoverage } from "./training-coverage-data";

/**
 * AI literacy (Art. 4) that is missing, expired or expiring within 30 days: one task per active member, assigned
 * to that member, while the catalogue has at least one live AI-literacy topic. The key carries the expiry the
 * task is about (`training_ai_literacy:<userId>:<expiry|none>`), so an expiring training that then expires keeps
 * its task, and a new completion closes it.
 */
export const trainingAiLiteracySource: TaskSource = {
  origin: "training_due",
  async wanted(db, orgId, today) {
    const { topics, members } = await loadTrainingCoverage(db, orgId, today);
    const literacy = new Set(topics.filter((t) => t.aiLiteracy).map((t) => t.id));
    if (literacy.size === 0) return [];
    return members
      .filter((m) => m.aiLiteracy !== "current")
      .map((m): GeneratedTaskSpec => {
        const expiry = m.cells
          .filter((c) => literacy.has(c.topicId) && c.status === m.aiLiteracy)
          .reduce<string | null | undefined>(
            (best, c) => (best === undefined ? c.expiresOn : latestExpiry(best, c.expiresOn)),
            undefined,
          );
        const when = m.aiLiteracy === "missing" ? null : (expiry ?? null);
        const why =
          m.aiLiteracy === "missing"
            ? "has no AI literacy training on record"
            : m.aiLiteracy === "expired"
              ? `has AI literacy training that expired on ${when}`
              : `has AI literacy training that expires on ${when}`;
        return {
          origin: "training_due",
          originKey: `training_ai_literacy:${m.userId}:${when ?? "none"}`,
          title: `Complete AI literacy training (${m.name})`,
          description:
            `${m.name} ${why}. AI literacy (EU AI Act Art. 4) applies to every provider and deployer of AI ` +
            "systems. Complete one of the AI-literacy topics and record it under Training; this task then closes " +
            "itself.",
          assigneeId: m.userId,
          dueDate: when,
          priority: m.aiLiteracy === "expiring_soon" ? "medium" : "high",
          subject: null,
        };
      });
  },
};
