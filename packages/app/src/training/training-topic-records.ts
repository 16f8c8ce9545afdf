import { and, eq, inArray } from "drizzle-orm";
import {
  abilitiesOf,
  notFound,
  trainingTopicPolicy,
  type Actor,
  type LinkSourceType,
  type LinkTarget,
  type LinkTargetType,
  type LinkView,
  type TrainingKind,
  type TrainingTopicState,
  type TrainingTopicView,
} from "@openaims/core";
import { tables, type Executor, type Tx } from "@openaims/db";
import { labelLinks, replaceLinks, validateLinkTargets } from "../shared/links";

const { trainingTopics, recordLinks } = tables;
export type TrainingTopicRow = typeof trainingTopics.$inferSelect;

export function toTrainingTopicState(row: TrainingTopicRow): TrainingTopicState {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    description: row.description,
    kind: row.kind as TrainingKind,
    validityMonths: row.validityMonths,
    required: row.required,
    roles: row.roles,
    aiLiteracy: row.aiLiteracy,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads a topic of the org (row-locked when `lock`); another org's id is a 404. */
export async function findTrainingTopic(
  db: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<TrainingTopicRow> {
  const q = db
    .select()
    .from(trainingTopics)
    .where(and(eq(trainingTopics.orgId, orgId), eq(trainingTopics.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Training topic");
  return row;
}

/**
 * The labelled targets of one type linked from each of several sources (one query for a page of records): the AI
 * systems of topics, the evidence of training records.
 */
export async function labelledTargetsOf(
  db: Executor,
  orgId: string,
  source: { type: LinkSourceType; ids: string[] },
  targetType: LinkTargetType,
): Promise<Map<string, LinkView[]>> {
  const out = new Map<string, LinkView[]>();
  if (source.ids.length === 0) return out;
  const rows = await db
    .select({ sourceId: recordLinks.sourceId, id: recordLinks.targetId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.orgId, orgId),
        eq(recordLinks.sourceType, source.type),
        inArray(recordLinks.sourceId, source.ids),
        eq(recordLinks.targetType, targetType),
      ),
    )
    .orderBy(recordLinks.targetId);
  const labelled = await labelLinks(
    db,
    orgId,
    rows.map((r): LinkTarget => ({ type: targetType, id: r.id })),
  );
  rows.forEach((r, i) => out.set(r.sourceId, [...(out.get(r.sourceId) ?? []), labelled[i]!]));
  return out;
}

/** The AI systems linked to each topic, labelled. */
export const topicAiSystems = (db: Executor, orgId: string, topicIds: string[]) =>
  labelledTargetsOf(db, orgId, { type: "training_topic", ids: topicIds }, "ai_system");

/** Makes a source's links of one target type exactly `ids`; an unknown target is a 400 naming `<path>.<i>`. */
export async function replaceTargetsOf(
  tx: Tx,
  actor: Actor,
  source: { type: LinkSourceType; id: string },
  targetType: LinkTargetType,
  ids: string[],
  path: string,
) {
  const targets = ids.map((id): LinkTarget => ({ type: targetType, id }));
  await validateLinkTargets(tx, actor.orgId, targets, path);
  return replaceLinks(tx, actor.orgId, source, targets, actor.userId);
}

/** Makes a topic's AI systems exactly `ids`. */
export const replaceTopicAiSystems = (tx: Tx, actor: Actor, topicId: string, ids: string[]) =>
  replaceTargetsOf(tx, actor, { type: "training_topic", id: topicId }, "ai_system", ids, "aiSystemIds");

export function presentTrainingTopic(
  actor: Actor,
  row: TrainingTopicRow,
  aiSystems: LinkView[],
  abilities = abilitiesOf(actor, trainingTopicPolicy, { archivedAt: row.archivedAt }),
): TrainingTopicView {
  const s = toTrainingTopicState(row);
  return {
    id: s.id,
    orgId: s.orgId,
    name: s.name,
    description: s.description,
    kind: s.kind,
    validityMonths: s.validityMonths,
    required: s.required,
    roles: s.roles,
    aiLiteracy: s.aiLiteracy,
    aiSystems,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

export async function loadTrainingTopicView(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<TrainingTopicView> {
  const row = await findTrainingTopic(db, actor.orgId, id);
  const systems = await topicAiSystems(db, actor.orgId, [id]);
  return presentTrainingTopic(actor, row, systems.get(id) ?? []);
}
