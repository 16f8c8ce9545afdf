import { and, desc, sql } from "drizzle-orm";
import type { Actor, ApiTokenView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { encodeCursor } from "../shared/cursor";
import { apiTokenQuery, presentApiToken, visibleTokens } from "./api-token-view";
import { decodeKeyset } from "./view-helpers";

const createdMs = sql`date_trunc('milliseconds', ${tables.apiTokens.createdAt})`;

/** Newest first: the caller's own tokens, or every member's with `api_token.manage`. Revoked ones included. */
export async function listApiTokens(
  ctx: AppContext,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<{ items: ApiTokenView[]; nextCursor: string | null }> {
  const after = decodeKeyset(query.cursor, ["time", "uuid"]);
  const rows = await apiTokenQuery(ctx.database.db)
    .where(
      and(
        visibleTokens(actor),
        after
          ? sql`(${createdMs}, ${tables.apiTokens.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(createdMs), desc(tables.apiTokens.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentApiToken(actor, r)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.t.createdAt.toISOString(), last.t.id]) : null,
  };
}
