import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

/**
 * Who may, by role. Drafting (create, edit, submit, start a new draft) needs `document.write`; deciding
 * (approve, send back, publish, retire, confirm a periodic review) needs `document.approve`; reading needs
 * `aims.read`. Whether the action fits the document's state, and four-eyes, are decided in `document.ts`.
 */
export const documentPolicy = definePolicy<Record<string, never>>()("document", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "aims.read") && can(a, "document.write"),
  update: (a) => can(a, "aims.read") && can(a, "document.write"),
  editDraft: (a) => can(a, "aims.read") && can(a, "document.write"),
  submit: (a) => can(a, "aims.read") && can(a, "document.write"),
  newDraft: (a) => can(a, "aims.read") && can(a, "document.write"),
  approve: (a) => can(a, "aims.read") && can(a, "document.approve"),
  reject: (a) => can(a, "aims.read") && can(a, "document.approve"),
  publish: (a) => can(a, "aims.read") && can(a, "document.approve"),
  retire: (a) => can(a, "aims.read") && can(a, "document.approve"),
  markReviewed: (a) => can(a, "aims.read") && can(a, "document.approve"),
});
export type DocumentPolicyAction = keyof typeof documentPolicy.rules;
