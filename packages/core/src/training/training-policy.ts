import { can, type Actor } from "../access/actor";
import { definePolicy } from "../access/policy";

export interface TrainingTopicSubject {
  archivedAt: Date | string | null;
}

/**
 * The catalogue is part of the management system everyone reads; keeping it is `training.manage` (owners,
 * admins, governance leads). Writing to an archived topic is 409, not 403.
 */
export const trainingTopicPolicy = definePolicy<TrainingTopicSubject>()("training_topic", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "training.manage"),
  update: (a) => can(a, "training.manage"),
  archive: (a) => can(a, "training.manage"),
  restore: (a) => can(a, "training.manage"),
});

/** The member a training record belongs to. */
export interface TrainingRecordSubject {
  userId: string;
}

const own = (a: Actor, s: TrainingRecordSubject) => a.userId === s.userId;
/** every record: `training.read` (auditors, governance leads) or `training.manage` */
export const readsAllTraining = (a: Actor): boolean => can(a, "training.read") || can(a, "training.manage");
const writes = (a: Actor, s: TrainingRecordSubject) =>
  can(a, "training.manage") || (own(a, s) && can(a, "training.record_own"));

/**
 * Training records are personal: every member reads their own, `training.read` reads everyone's. Managers record,
 * correct and delete anyone's; a member with `training.record_own` (contributors) does so for their own only —
 * the audit trail keeps who recorded what.
 */
export const trainingRecordPolicy = definePolicy<TrainingRecordSubject>()("training_record", {
  read: (a, s) => own(a, s) || readsAllTraining(a),
  create: writes,
  update: writes,
  delete: writes,
});
