import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

/**
 * Who may, by role. Impact assessments are documented information of the AIMS, so they follow the document
 * permissions: every member who reads the management system reads them (auditors and viewers too); drafting
 * (create, edit, submit, start a revision, record an authority notification) needs `document.write`; signing off
 * (approve, send back, confirm a review, archive, restore) needs `document.approve`. State and four-eyes: `assessment.ts`.
 */
export const impactAssessmentPolicy = definePolicy<Record<string, never>>()("impact assessment", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "aims.read") && can(a, "document.write"),
  update: (a) => can(a, "aims.read") && can(a, "document.write"),
  submit: (a) => can(a, "aims.read") && can(a, "document.write"),
  revise: (a) => can(a, "aims.read") && can(a, "document.write"),
  notify: (a) => can(a, "aims.read") && can(a, "document.write"),
  approve: (a) => can(a, "aims.read") && can(a, "document.approve"),
  reject: (a) => can(a, "aims.read") && can(a, "document.approve"),
  markReviewed: (a) => can(a, "aims.read") && can(a, "document.approve"),
  archive: (a) => can(a, "aims.read") && can(a, "document.approve"),
  restore: (a) => can(a, "aims.read") && can(a, "document.approve"),
});
export type ImpactAssessmentPolicyAction = keyof typeof impactAssessmentPolicy.rules;
