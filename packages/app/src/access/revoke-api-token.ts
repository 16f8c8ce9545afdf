import { and, eq, isNull } from "drizzle-orm";
import { apiTokenPolicy, authorize, invalidState, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadApiToken } from "./api-token-view";

export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  tokenId: string,
  meta: RequestMeta,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const row = await loadApiToken(tx, actor, tokenId);
    authorize(actor, apiTokenPolicy, "revoke", { userId: row.t.userId });
    const now = ctx.now();
    const done = await tx
      .update(tables.apiTokens)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(tables.apiTokens.id, tokenId), isNull(tables.apiTokens.revokedAt)))
      .returning({ id: tables.apiTokens.id });
    if (done.length === 0) throw invalidState("This API token is already revoked.");
    return {
      result: undefined,
      events: [
        {
          type: "api_token.revoked",
          entityType: "api_token",
          entityId: tokenId,
          payload: { name: row.t.name, userId: row.t.userId },
        },
      ],
    };
  });
}
