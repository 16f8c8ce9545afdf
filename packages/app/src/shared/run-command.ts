import type { Actor, PendingEvent, SystemActor } from "@openaims/core";
import { appendAuditEvents, inTransaction, type EventStamp, type Tx } from "@openaims/db";
import type { AppContext, RequestMeta } from "./context";

export interface CommandOutcome<T> {
  result: T;
  events: PendingEvent[];
}

/** Who did it, as the audit trail records it. */
export type CommandActor =
  Actor | SystemActor | { kind: "anonymous-user"; userId: string; orgId: string | null }; // e.g. sign-in, before an actor exists

function stampOf(actor: CommandActor, meta: RequestMeta, at: Date): EventStamp {
  switch (actor.kind) {
    case "system":
      return { actorType: "system", actorId: null, requestId: meta.requestId, occurredAt: at };
    case "anonymous-user":
      return { actorType: "user", actorId: actor.userId, requestId: meta.requestId, occurredAt: at };
    default:
      return {
        actorType: actor.kind,
        actorId: actor.userId,
        actorTokenId: actor.tokenId,
        requestId: meta.requestId,
        occurredAt: at,
      };
  }
}

const defaultOrg = (actor: CommandActor): string | null => (actor.kind === "system" ? null : actor.orgId);

/**
 * The one way a mutation is persisted: `work` loads, authorizes, decides and writes inside a transaction and
 * returns the events it caused; they are appended to the audit chain in that same transaction, so either the
 * change and its record both exist or neither does.
 */
export async function runCommand<T>(
  ctx: AppContext,
  actor: CommandActor,
  meta: RequestMeta,
  work: (tx: Tx) => Promise<CommandOutcome<T>>,
): Promise<T> {
  return inTransaction(ctx.database, async (tx) => {
    const { result, events } = await work(tx);
    if (events.length > 0)
      await appendAuditEvents(tx, defaultOrg(actor), stampOf(actor, meta, ctx.now()), events);
    return result;
  });
}
