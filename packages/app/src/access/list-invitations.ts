import { and, desc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import {
  authorize,
  invitationPolicy,
  type Actor,
  type InvitationListQuery,
  type InvitationView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { encodeCursor } from "../shared/cursor";
import { invitationQuery, presentInvitation } from "./invitation-view";
import { decodeKeyset } from "./view-helpers";

// Millisecond precision on both sides of the keyset, since the cursor carries a JavaScript date.
const createdMs = sql`date_trunc('milliseconds', ${tables.invitations.createdAt})`;

/** Newest first; `status` filters on the derived state. */
export async function listInvitations(
  ctx: AppContext,
  actor: Actor,
  query: InvitationListQuery,
): Promise<{ items: InvitationView[]; nextCursor: string | null }> {
  authorize(actor, invitationPolicy, "read", { role: null });
  const now = ctx.now();
  const i = tables.invitations;
  const filters: SQL[] = [eq(i.orgId, actor.orgId)];
  if (query.status === "accepted") filters.push(isNotNull(i.acceptedAt));
  if (query.status === "revoked") filters.push(isNull(i.acceptedAt), isNotNull(i.revokedAt));
  if (query.status === "pending")
    filters.push(isNull(i.acceptedAt), isNull(i.revokedAt), gt(i.expiresAt, now));
  if (query.status === "expired")
    filters.push(isNull(i.acceptedAt), isNull(i.revokedAt), lte(i.expiresAt, now));
  const after = decodeKeyset(query.cursor, ["time", "uuid"]);
  if (after) filters.push(sql`(${createdMs}, ${i.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await invitationQuery(ctx.database.db)
    .where(and(...filters))
    .orderBy(desc(createdMs), desc(i.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentInvitation(actor, r, now)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.i.createdAt.toISOString(), last.i.id]) : null,
  };
}
