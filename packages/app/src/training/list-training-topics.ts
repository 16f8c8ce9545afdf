import { eq, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  TrainingTopicListQuery,
  trainingTopicPolicy,
  type Actor,
  type TrainingTopicListQueryInput,
  type TrainingTopicPage,
  type TrainingTopicView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listByName } from "../shared/name-keyset-list";
import { presentTrainingTopic, topicAiSystems, type TrainingTopicRow } from "./training-topic-records";

const { trainingTopics } = tables;

/** The catalogue by name, keyset-paged; `kind` narrows it. */
export async function listTrainingTopics(
  ctx: AppContext,
  actor: Actor,
  input: TrainingTopicListQueryInput,
): Promise<TrainingTopicPage> {
  authorize(actor, trainingTopicPolicy, "read", { archivedAt: null });
  const query = parseInput(TrainingTopicListQuery, input);
  const filters: SQL[] = query.kind ? [eq(trainingTopics.kind, query.kind)] : [];
  const { db } = ctx.database;
  const rows: TrainingTopicRow[] = [];
  const page = await listByName(db, trainingTopics, actor.orgId, query, {
    searchIn: [trainingTopics.name, trainingTopics.description],
    filters,
    present: (row) => {
      rows.push(row);
      return { id: row.id, name: row.name };
    },
  });
  const systems = await topicAiSystems(
    db,
    actor.orgId,
    page.items.map((i) => i.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: TrainingTopicView[] = page.items.map((i) =>
    presentTrainingTopic(actor, byId.get(i.id)!, systems.get(i.id) ?? []),
  );
  return {
    items,
    nextCursor: page.nextCursor,
    abilities: abilitiesOf(actor, trainingTopicPolicy, { archivedAt: null }),
  };
}
