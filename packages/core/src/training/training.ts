import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidInput, invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import {
  trainingRecordFieldNames,
  trainingTopicFieldNames,
  type TrainingRecordFields,
  type TrainingTopicFields,
} from "../schemas/training";
import { addDays } from "../documents/review-cycle";

export interface TrainingTopicState extends TrainingTopicFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

export interface TrainingRecordState extends TrainingRecordFields {
  id: string;
  userId: string;
  topicId: string;
  version: number;
}

type LinkChanges = { added: LinkTarget[]; removed: LinkTarget[] } | null;
type FieldDiff = Record<string, [unknown, unknown]>;

function withLinks(payload: Record<string, unknown>, key: string, links: LinkChanges) {
  if (links && (links.added.length > 0 || links.removed.length > 0)) payload[key] = links;
  return payload;
}

export function decideCreateTrainingTopic(id: string, fields: TrainingTopicFields): PendingEvent {
  return {
    type: "training_topic.created",
    entityType: "training_topic",
    entityId: id,
    payload: { name: fields.name, diff: creationDiff(fields, trainingTopicFieldNames) },
  };
}

/** The fields that change (null when none do); AI-system links are compared by the caller, which stores them. */
export function decideUpdateTrainingTopic(
  current: TrainingTopicState,
  changes: Partial<TrainingTopicFields>,
  expectedVersion: number,
): { changes: Partial<TrainingTopicFields>; diff: FieldDiff } | null {
  assertVersion(current, expectedVersion, "This training topic");
  if (current.archivedAt)
    throw invalidState("An archived training topic cannot be edited; restore it first.");
  const d = diff(current, changes, trainingTopicFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof TrainingTopicFields]]));
  return { changes: changed as Partial<TrainingTopicFields>, diff: d };
}

export function trainingTopicUpdatedEvent(
  id: string,
  fieldDiff: FieldDiff,
  links: LinkChanges,
): PendingEvent {
  return {
    type: "training_topic.updated",
    entityType: "training_topic",
    entityId: id,
    payload: withLinks({ diff: fieldDiff }, "aiSystems", links),
  };
}

export function decideArchiveTrainingTopic(
  current: TrainingTopicState,
  expectedVersion: number,
  archive: boolean,
): PendingEvent {
  assertVersion(current, expectedVersion, "This training topic");
  if (archive && current.archivedAt) throw invalidState("This training topic is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This training topic is not archived.");
  return {
    type: archive ? "training_topic.archived" : "training_topic.restored",
    entityType: "training_topic",
    entityId: current.id,
    payload: { name: current.name },
  };
}

/**
 * A completion cannot lie in the future; one day of slack lets a member ahead of UTC record today's training.
 * A stated expiry cannot come before the completion.
 */
export function assertTrainingDates(
  f: Pick<TrainingRecordFields, "completedOn" | "expiresOn">,
  today: string,
): void {
  if (f.completedOn > addDays(today, 1))
    throw invalidInput("completedOn: must not be in the future.", {
      issues: [{ path: "completedOn", message: `must not be after today (${today})` }],
    });
  if (f.expiresOn !== null && f.expiresOn < f.completedOn)
    throw invalidInput("expiresOn: must not be before the completion date.", {
      issues: [{ path: "expiresOn", message: `must not be before the completion date ${f.completedOn}` }],
    });
}

/** Recording is for live topics; the payload names member and topic (ids and the topic name, no free text). */
export function decideCreateTrainingRecord(
  id: string,
  topic: Pick<TrainingTopicState, "id" | "name" | "archivedAt">,
  userId: string,
  fields: TrainingRecordFields,
  today: string,
): PendingEvent {
  if (topic.archivedAt)
    throw invalidState("This training topic is archived; restore it to record completions.");
  assertTrainingDates(fields, today);
  return {
    type: "training_record.created",
    entityType: "training_record",
    entityId: id,
    payload: {
      userId,
      topicId: topic.id,
      topic: topic.name,
      diff: creationDiff(fields, trainingRecordFieldNames),
    },
  };
}

export function decideUpdateTrainingRecord(
  current: TrainingRecordState,
  changes: Partial<TrainingRecordFields>,
  expectedVersion: number,
  today: string,
): { changes: Partial<TrainingRecordFields>; diff: FieldDiff } | null {
  assertVersion(current, expectedVersion, "This training record");
  const d = diff(current, changes, trainingRecordFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(
    Object.keys(d).map((k) => [k, changes[k as keyof TrainingRecordFields]]),
  );
  if ("completedOn" in changed || "expiresOn" in changed)
    assertTrainingDates({ ...current, ...changed }, today);
  return { changes: changed as Partial<TrainingRecordFields>, diff: d };
}

export function trainingRecordUpdatedEvent(
  current: Pick<TrainingRecordState, "id" | "userId" | "topicId">,
  fieldDiff: FieldDiff,
  links: LinkChanges,
): PendingEvent {
  return {
    type: "training_record.updated",
    entityType: "training_record",
    entityId: current.id,
    payload: withLinks(
      { userId: current.userId, topicId: current.topicId, diff: fieldDiff },
      "evidence",
      links,
    ),
  };
}

export function decideDeleteTrainingRecord(
  current: TrainingRecordState,
  expectedVersion: number,
): PendingEvent {
  assertVersion(current, expectedVersion, "This training record");
  return {
    type: "training_record.deleted",
    entityType: "training_record",
    entityId: current.id,
    payload: {
      userId: current.userId,
      topicId: current.topicId,
      completedOn: current.completedOn,
    },
  };
}
