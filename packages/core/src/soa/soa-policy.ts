import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

/** The Statement of Applicability as a whole: reading it, editing entries, freezing and deciding versions. */
export const soaPolicy = definePolicy<Record<string, never>>()("Statement of Applicability", {
  read: (a) => can(a, "aims.read"),
  update: (a) => can(a, "control.write"),
  createVersion: (a) => can(a, "control.write"),
  approve: (a) => can(a, "soa.approve"),
  reject: (a) => can(a, "soa.approve"),
  export: (a) => can(a, "aims.read"),
});

export interface SoaVersionSubject {
  createdBy: string | null;
}
/**
 * One frozen version. `approve` folds in four-eyes (the creator never approves their own snapshot) so the UI
 * hides the button; the use case still checks it and answers 403 with `details.rule = "four_eyes"`. The creator
 * may reject (withdraw) their own snapshot. The state (in review or not) is not folded in: a decided version is
 * 409 `invalid_state`, never 403.
 */
export const soaVersionPolicy = definePolicy<SoaVersionSubject>()("SoA version", {
  read: (a) => can(a, "aims.read"),
  approve: (a, v) => can(a, "soa.approve") && (v.createdBy === null || v.createdBy !== a.userId),
  reject: (a) => can(a, "soa.approve"),
});

export interface AppliedControlSubject {
  archivedAt: Date | string | null;
}
export const appliedControlPolicy = definePolicy<AppliedControlSubject>()("applied control", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "control.write"),
  update: (a) => can(a, "control.write"),
  archive: (a) => can(a, "control.write"),
  restore: (a) => can(a, "control.write"),
});
