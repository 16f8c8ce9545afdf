import type { TrainingCoverageMember, TrainingCoverageSummary, TrainingKind } from "../schemas/training";
import {
  betterTrainingStatus,
  isValidTraining,
  latestExpiry,
  trainingExpiry,
  trainingRecordStatus,
  trainingStatuses,
  type TrainingStatus,
} from "./training-status";

export interface CoverageMemberInput {
  userId: string;
  name: string;
  email: string;
  /** the membership's role key: a built-in role name or `custom:<id>` */
  role: string;
}

export interface CoverageTopicInput {
  id: string;
  name: string;
  kind: TrainingKind;
  validityMonths: number | null;
  required: boolean;
  roles: readonly string[];
  aiLiteracy: boolean;
  /** owners of the AI systems linked to the topic */
  systemOwnerIds: readonly string[];
}

export interface CoverageRecordInput {
  userId: string;
  topicId: string;
  completedOn: string;
  /** the stated expiry, if any */
  expiresOn: string | null;
}

/**
 * Whether a topic is required of a member: a required topic with neither roles nor AI systems applies to
 * everyone; otherwise to the members whose role is listed and to the owners of the linked AI systems.
 */
export function topicAppliesTo(topic: CoverageTopicInput, member: CoverageMemberInput): boolean {
  if (!topic.required) return false;
  if (topic.roles.length === 0 && topic.systemOwnerIds.length === 0) return true;
  return topic.roles.includes(member.role) || topic.systemOwnerIds.includes(member.userId);
}

interface Best {
  completedOn: string;
  expiresOn: string | null;
}

/**
 * The coverage matrix as of `today`: for each member and live topic, the best completion (the one that counts
 * longest) and its status; each member's AI-literacy status (the best over the AI-literacy topics, required of
 * them or not — Art. 4 asks for a sufficient level of AI literacy, which any valid AI-literacy training shows);
 * and the organization summary.
 */
export function computeTrainingCoverage(
  members: readonly CoverageMemberInput[],
  topics: readonly CoverageTopicInput[],
  records: readonly CoverageRecordInput[],
  today: string,
): { members: TrainingCoverageMember[]; summary: TrainingCoverageSummary } {
  const validity = new Map(topics.map((t) => [t.id, t.validityMonths]));
  const best = new Map<string, Best>();
  for (const r of records) {
    if (!validity.has(r.topicId)) continue;
    const expiresOn = trainingExpiry(r.completedOn, validity.get(r.topicId) ?? null, r.expiresOn);
    const key = `${r.userId}|${r.topicId}`;
    const prev = best.get(key);
    if (!prev) best.set(key, { completedOn: r.completedOn, expiresOn });
    else {
      const keep = latestExpiry(prev.expiresOn, expiresOn) === prev.expiresOn;
      if (!keep || (prev.expiresOn === expiresOn && r.completedOn > prev.completedOn))
        best.set(key, { completedOn: r.completedOn, expiresOn });
    }
  }
  const required = Object.fromEntries(trainingStatuses.map((s) => [s, 0])) as Record<TrainingStatus, number>;
  let aiLiteracyValid = 0;
  let aiLiteracyExpiringSoon = 0;
  let covered = 0;
  const rows = members.map((m): TrainingCoverageMember => {
    let aiLiteracy = "missing" as TrainingStatus;
    let allCovered = true;
    const cells = topics.map((t) => {
      const b = best.get(`${m.userId}|${t.id}`);
      const status: TrainingStatus = b ? trainingRecordStatus(b.expiresOn, today) : "missing";
      const applies = topicAppliesTo(t, m);
      if (applies) {
        required[status] += 1;
        if (!isValidTraining(status)) allCovered = false;
      }
      if (t.aiLiteracy) aiLiteracy = betterTrainingStatus(aiLiteracy, status);
      return {
        topicId: t.id,
        applies,
        status,
        completedOn: b?.completedOn ?? null,
        expiresOn: b?.expiresOn ?? null,
      };
    });
    if (isValidTraining(aiLiteracy)) aiLiteracyValid += 1;
    if (aiLiteracy === "expiring_soon") aiLiteracyExpiringSoon += 1;
    if (allCovered) covered += 1;
    return { ...m, aiLiteracy, covered: allCovered, cells };
  });
  const n = members.length;
  return {
    members: rows,
    summary: {
      members: n,
      aiLiteracyValid,
      aiLiteracyPercent: n === 0 ? 0 : Math.round((aiLiteracyValid / n) * 1000) / 10,
      aiLiteracyExpiringSoon,
      covered,
      required,
    },
  };
}
