import {
  abilitiesOf,
  authorize,
  invalidInput,
  PageQuery,
  soaPolicy,
  type Actor,
  type SoaVersionPage,
} from "@openaims/core";
import type { z } from "zod";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentSoaVersionSummary, selectSoaVersionSummaries } from "./soa-version-records";

/** SoA versions, newest first. */
export async function listSoaVersions(
  ctx: AppContext,
  actor: Actor,
  input: z.input<typeof PageQuery> = {},
): Promise<SoaVersionPage> {
  authorize(actor, soaPolicy, "read", {});
  const { limit, cursor } = parseInput(PageQuery, input);
  const after = decodeCursor(cursor, 1);
  const before = after ? Number(after[0]) : null;
  if (before !== null && !Number.isInteger(before))
    throw invalidInput("The cursor is not valid; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const rows = await selectSoaVersionSummaries(ctx.database.db, actor.orgId, limit + 1, before);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => presentSoaVersionSummary(actor, r)),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.number]) : null,
    abilities: abilitiesOf(actor, soaPolicy, {}),
  };
}
