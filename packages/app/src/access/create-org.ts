import { randomUUID } from "node:crypto";
import {
  builtinRolePermissions,
  DomainError,
  mayCreateOrg,
  type Actor,
  type CreateOrgInput,
  type OrgView,
} from "@openaims/core";
import { startAuditChain, tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import type { Identity } from "./authenticate";
import { getOrgCreationMode } from "./instance-settings";
import { presentOrg } from "./org-view";

/** A new organization with the caller as its owner; its audit chain starts in the same transaction. */
export async function createOrg(
  ctx: AppContext,
  identity: Identity,
  input: CreateOrgInput,
  meta: RequestMeta,
): Promise<OrgView> {
  if (identity.via !== "session") {
    throw new DomainError("forbidden", "API tokens cannot create organizations; sign in instead.");
  }
  const orgId = randomUUID();
  const now = ctx.now();
  return runCommand(ctx, { kind: "anonymous-user", userId: identity.userId, orgId }, meta, async (tx) => {
    // Read inside the transaction so a concurrent change of the setting is not bypassed.
    if (!mayCreateOrg(identity, await getOrgCreationMode(tx))) {
      throw new DomainError(
        "forbidden",
        "On this instance only instance administrators may create organizations.",
      );
    }
    const [org] = await tx
      .insert(tables.organizations)
      .values({ id: orgId, name: input.name, createdAt: now, updatedAt: now })
      .returning();
    await startAuditChain(tx, orgId);
    const [membership] = await tx
      .insert(tables.memberships)
      .values({ orgId, userId: identity.userId, role: "owner", createdAt: now, updatedAt: now })
      .returning();
    const owner: Actor = {
      kind: "user",
      userId: identity.userId,
      orgId,
      membershipId: membership!.id,
      role: "owner",
      customRoleId: null,
      permissions: new Set(builtinRolePermissions.owner),
      tokenId: null,
      isInstanceAdmin: identity.isInstanceAdmin,
    };
    return {
      result: presentOrg(owner, org!),
      events: [
        {
          orgId,
          type: "org.created",
          entityType: "organization",
          entityId: orgId,
          payload: { diff: { name: [null, input.name] } },
        },
        {
          orgId,
          type: "member.added",
          entityType: "member",
          entityId: membership!.id,
          payload: { userId: identity.userId, email: identity.email, diff: { role: [null, "owner"] } },
        },
      ],
    };
  });
}
