import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import {
  authorize,
  conflict,
  CreateSoaVersionInput,
  decideCreateSoaVersion,
  soaFrameworkId,
  soaPolicy,
  summarizeSoa,
  type Actor,
  type SoaVersionView,
} from "@openaims/core";
import { sqlState, tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { isoDay } from "./get-soa";
import { findSoaVersionSummary, presentSoaVersionSummary, type SoaSnapshot } from "./soa-version-records";
import { loadSoaWorkingState, toSnapshotEntry } from "./soa-working-state";

const v = tables.soaVersions;

/**
 * Freezes the working state into the next numbered version, in review. The snapshot (entries with their
 * evidence and documents) and its references are written once and never change (a trigger refuses it).
 */
export async function createSoaVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateSoaVersionInput = {},
): Promise<SoaVersionView> {
  authorize(actor, soaPolicy, "createVersion", {});
  const { note } = parseInput(CreateSoaVersionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const [latest] = await tx
      .select({ number: v.number })
      .from(v)
      .where(eq(v.orgId, actor.orgId))
      .orderBy(desc(v.number))
      .limit(1);
    const [inReview] = await tx
      .select({ number: v.number })
      .from(v)
      .where(and(eq(v.orgId, actor.orgId), eq(v.status, "in_review")))
      .limit(1);
    const entries = (await loadSoaWorkingState(tx, actor.orgId)).map(toSnapshotEntry);
    const summary = summarizeSoa(entries, isoDay(ctx.now()));
    const id = randomUUID();
    const { number, event } = decideCreateSoaVersion(id, latest ?? null, inReview ?? null, {
      entries: summary.total,
      applicable: summary.applicable,
      undecided: summary.undecided,
    });
    const snapshot: SoaSnapshot = { frameworkId: soaFrameworkId, entries };
    const now = ctx.now();
    try {
      await tx.insert(v).values({
        id,
        orgId: actor.orgId,
        number,
        status: "in_review",
        note,
        snapshot,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    } catch (e) {
      if (sqlState(e) === "23505")
        throw conflict("Another SoA version was created at the same moment. Reload and try again.");
      throw e;
    }
    const refs = new Map<string, { refType: string; refId: string }>();
    for (const entry of entries) {
      for (const x of entry.evidence) refs.set(`evidence|${x.id}`, { refType: "evidence", refId: x.id });
      for (const x of entry.documents) refs.set(`document|${x.id}`, { refType: "document", refId: x.id });
    }
    if (refs.size > 0)
      await tx
        .insert(tables.soaVersionRefs)
        .values([...refs.values()].map((r) => ({ ...r, orgId: actor.orgId, soaVersionId: id })));
    const row = await findSoaVersionSummary(tx, actor.orgId, number);
    return {
      result: { ...presentSoaVersionSummary(actor, row), frameworkId: soaFrameworkId, entries, summary },
      events: [event],
    };
  });
}
