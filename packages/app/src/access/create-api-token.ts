import {
  apiTokenPolicy,
  authorize,
  DomainError,
  isNoHigherThan,
  type Actor,
  type CreateApiTokenInput,
  type CreatedApiToken,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { hashSecret, newSecret } from "../shared/tokens";
import { loadApiToken, presentApiToken } from "./api-token-view";
import { grantFromInput, roleKeyOf } from "./role-grant";

/** Characters of the secret kept in clear, so people can tell their tokens apart. */
const PREFIX_LENGTH = 10;

/**
 * A token for the caller in this org, with the caller's role or a narrower one. Its power is also capped by
 * the owner's membership on every use (see `actorInOrg`).
 */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: CreateApiTokenInput,
  meta: RequestMeta,
): Promise<CreatedApiToken> {
  return runCommand(ctx, actor, meta, async (tx) => {
    authorize(actor, apiTokenPolicy, "create", { userId: actor.userId });
    const grant = input.role
      ? await grantFromInput(tx, actor.orgId, input.role)
      : { role: actor.role, customRoleId: actor.customRoleId, permissions: actor.permissions };
    // Admins hold every permission too, so "owner" needs its own check.
    if (
      !isNoHigherThan(grant.permissions, actor.permissions) ||
      (grant.role === "owner" && actor.role !== "owner")
    ) {
      throw new DomainError("forbidden", "A token cannot have a higher role than your own.");
    }
    const now = ctx.now();
    const token = newSecret("oa_");
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const [row] = await tx
      .insert(tables.apiTokens)
      .values({
        orgId: actor.orgId,
        userId: actor.userId,
        name: input.name,
        role: grant.role,
        customRoleId: grant.customRoleId,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, PREFIX_LENGTH),
        expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tables.apiTokens.id });
    const apiToken = presentApiToken(actor, await loadApiToken(tx, actor, row!.id));
    return {
      result: { token, apiToken },
      events: [
        {
          type: "api_token.created",
          entityType: "api_token",
          entityId: row!.id,
          payload: {
            name: input.name,
            userId: actor.userId,
            role: roleKeyOf(grant),
            expiresAt: apiToken.expiresAt,
          },
        },
      ],
    };
  });
}
