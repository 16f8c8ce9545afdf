import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { GeneratedTaskSpec } from "@openaims/core";
import { tables } from "@openaims/db";
import { addDays, type TaskSource } from "./task-source";

/** A review is asked for this many days before it falls due. */
export const REVIEW_NOTICE_DAYS = 30;

/**
 * A document in force (published, not retired) whose next review is due within 30 days or overdue: one task per
 * document and review date, for its owner, due on the review date. Reviewing the document moves the date, so the
 * task closes itself and the next cycle opens a new one.
 */
export const documentReviewSource: TaskSource = {
  origin: "document_review",
  async wanted(db, orgId, today) {
    const { documents } = tables;
    const rows = await db
      .select({
        id: documents.id,
        title: documents.title,
        ownerId: documents.ownerId,
        nextReviewAt: documents.nextReviewAt,
      })
      .from(documents)
      .where(
        and(
          eq(documents.orgId, orgId),
          isNotNull(documents.publishedVersion),
          isNull(documents.retiredAt),
          isNotNull(documents.nextReviewAt),
          lte(documents.nextReviewAt, addDays(today, REVIEW_NOTICE_DAYS)),
        ),
      );
    return rows.map((d): GeneratedTaskSpec => {
      const due = d.nextReviewAt!;
      const overdue = due < today;
      return {
        origin: "document_review",
        originKey: `document_review:${d.id}:${due}`,
        title: `Review "${d.title}"`,
        description:
          `The document "${d.title}" is due for review on ${due}${overdue ? " and the review is overdue" : ""}. ` +
          "Read it, update it if needed, and record the review; this task then closes itself.",
        assigneeId: d.ownerId,
        dueDate: due,
        priority: overdue ? "high" : "medium",
        subject: { type: "document", id: d.id },
      };
    });
  },
};
