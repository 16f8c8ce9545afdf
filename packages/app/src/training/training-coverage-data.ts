import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  computeTrainingCoverage,
  type CoverageMemberInput,
  type CoverageTopicInput,
  type TrainingKind,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const { memberships, users, trainingTopics, trainingRecords, recordLinks, aiSystems } = tables;

/**
 * Loads what the coverage matrix needs in four queries, however many members and records: active members, live
 * topics, the owners of the AI systems linked to them, and the completions of those topics (optionally of one
 * member). Used by the coverage read and the training task source.
 */
export async function loadTrainingCoverage(db: Executor, orgId: string, today: string, onlyUserId?: string) {
  const memberConds = [eq(memberships.orgId, orgId), eq(memberships.status, "active")];
  if (onlyUserId) memberConds.push(eq(memberships.userId, onlyUserId));
  const [memberRows, topicRows] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        customRoleId: memberships.customRoleId,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...memberConds))
      .orderBy(asc(users.name), asc(users.email)),
    db
      .select()
      .from(trainingTopics)
      .where(and(eq(trainingTopics.orgId, orgId), isNull(trainingTopics.archivedAt)))
      .orderBy(asc(trainingTopics.name), asc(trainingTopics.id)),
  ]);
  const topicIds = topicRows.map((t) => t.id);
  const [owners, records] =
    topicIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ topicId: recordLinks.sourceId, ownerId: aiSystems.ownerId })
            .from(recordLinks)
            .innerJoin(
              aiSystems,
              and(
                eq(aiSystems.orgId, recordLinks.orgId),
                sql`${aiSystems.id}::text = ${recordLinks.targetId}`,
              ),
            )
            .where(
              and(
                eq(recordLinks.orgId, orgId),
                eq(recordLinks.sourceType, "training_topic"),
                eq(recordLinks.targetType, "ai_system"),
                inArray(recordLinks.sourceId, topicIds),
                isNull(aiSystems.archivedAt),
                isNotNull(aiSystems.ownerId),
              ),
            ),
          db
            .select({
              userId: trainingRecords.userId,
              topicId: trainingRecords.topicId,
              completedOn: trainingRecords.completedOn,
              expiresOn: trainingRecords.expiresOn,
            })
            .from(trainingRecords)
            .where(
              and(
                eq(trainingRecords.orgId, orgId),
                inArray(trainingRecords.topicId, topicIds),
                ...(onlyUserId ? [eq(trainingRecords.userId, onlyUserId)] : []),
              ),
            ),
        ]);
  const ownersByTopic = new Map<string, string[]>();
  for (const o of owners) ownersByTopic.set(o.topicId, [...(ownersByTopic.get(o.topicId) ?? []), o.ownerId!]);
  const members: CoverageMemberInput[] = memberRows.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role ?? `custom:${m.customRoleId}`,
  }));
  const topics: CoverageTopicInput[] = topicRows.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind as TrainingKind,
    validityMonths: t.validityMonths,
    required: t.required,
    roles: t.roles,
    aiLiteracy: t.aiLiteracy,
    systemOwnerIds: ownersByTopic.get(t.id) ?? [],
  }));
  return { topics, ...computeTrainingCoverage(members, topics, records, today) };
}
