import { abilitiesOf, orgPolicy, type Actor, type OrgView } from "@openaims/core";
import type { tables } from "@openaims/db";
import { iso } from "./view-helpers";

export function presentOrg(actor: Actor, org: typeof tables.organizations.$inferSelect): OrgView {
  return {
    id: org.id,
    name: org.name,
    version: org.version,
    createdAt: iso(org.createdAt),
    updatedAt: iso(org.updatedAt),
    abilities: abilitiesOf(actor, orgPolicy, { id: org.id }),
  };
}
