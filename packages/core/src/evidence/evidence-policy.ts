import { can } from "../access/actor";
import { definePolicy } from "../access/policy";

export interface EvidenceSubject {
  archivedAt: Date | string | null;
}

/**
 * Reading (and downloading) is part of reading the management system; adding, editing and linking need
 * `evidence.write`; archiving and deleting need `evidence.archive`. As for AI systems, the archived state is not
 * folded in: editing archived evidence is 409 `invalid_state`, not 403.
 */
export const evidencePolicy = definePolicy<EvidenceSubject>()("evidence", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "evidence.write"),
  update: (a) => can(a, "evidence.write"),
  link: (a) => can(a, "evidence.write"),
  archive: (a) => can(a, "evidence.archive"),
  restore: (a) => can(a, "evidence.archive"),
  delete: (a) => can(a, "evidence.archive"),
});
