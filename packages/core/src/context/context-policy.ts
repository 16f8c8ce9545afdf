import { can, type Actor } from "../access/actor";
import { definePolicy } from "../access/policy";
import type { ScopeStatus } from "./vocabulary";

/**
 * Scope and context records (issues, interested parties, AI roles) and the RACI matrix: everyone with
 * `aims.read` sees them, `context.write` edits them.
 */
export const contextPolicy = definePolicy<Record<string, never>>()("scope and context", {
  read: (a) => can(a, "aims.read"),
  write: (a) => can(a, "context.write"),
});

export const raciPolicy = definePolicy<Record<string, never>>()("RACI matrix", {
  read: (a) => can(a, "aims.read"),
  write: (a) => can(a, "context.write"),
  export: (a) => can(a, "aims.read"),
});

export interface ScopeSubject {
  status: ScopeStatus;
  authorId: string | null;
  lastEditedBy: string | null;
  /** everyone who edited the version (the author included once they edit) */
  editorIds: readonly string[];
  submittedBy: string | null;
}

/** The subject for checks that concern the scope as a whole (list, new draft), not one version. */
export const anyScopeVersion: ScopeSubject = {
  status: "draft",
  authorId: null,
  lastEditedBy: null,
  editorIds: [],
  submittedBy: null,
};

/**
 * Who may act on a scope version. Drafting needs `context.write`; approving or sending back needs
 * `document.approve`. Whether the version's status allows the action, and four-eyes, are decided in
 * `scope.ts` (so a wrong state is a 409 and one's own draft a 403 with `rule: four_eyes`, never hidden).
 */
export const scopePolicy = definePolicy<ScopeSubject>()("AIMS scope", {
  read: (a) => can(a, "aims.read"),
  newDraft: (a) => can(a, "context.write"),
  edit: (a) => can(a, "context.write"),
  submit: (a) => can(a, "context.write"),
  approve: (a) => can(a, "document.approve"),
  reject: (a) => can(a, "document.approve"),
});

/** Everyone who wrote any part of a version: none of them may approve it. */
export const scopeContributors = (s: ScopeSubject): string[] => [
  ...new Set(
    [s.authorId, s.lastEditedBy, ...s.editorIds, s.submittedBy].filter((x): x is string => x !== null),
  ),
];

/**
 * The abilities a scope version response carries: the policy, with status and four-eyes folded in, so the UI
 * shows an Approve button only to someone who can really approve this version now.
 */
export function scopeAbilities(
  actor: Actor,
  s: ScopeSubject,
): Record<keyof typeof scopePolicy.rules, boolean> {
  const r = scopePolicy.rules;
  const draft = s.status === "draft";
  const inReview = s.status === "in_review";
  return {
    read: r.read(actor, s),
    newDraft: r.newDraft(actor, s),
    edit: draft && r.edit(actor, s),
    submit: draft && r.submit(actor, s),
    approve: inReview && r.approve(actor, s) && !scopeContributors(s).includes(actor.userId),
    reject: inReview && r.reject(actor, s),
  };
}
