import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

export interface ObjectiveSubject {
  archivedAt: Date | string | null;
}

/**
 * Everyone who reads the management system reads objectives; setting them and recording progress is drafting
 * work (`objective.write`). The archived state is not folded in: writing to an archived objective is 409.
 */
export const objectivePolicy = definePolicy<ObjectiveSubject>()("objective", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "objective.write"),
  update: (a) => can(a, "objective.write"),
  archive: (a) => can(a, "objective.write"),
  restore: (a) => can(a, "objective.write"),
  recordProgress: (a) => can(a, "objective.write"),
});
