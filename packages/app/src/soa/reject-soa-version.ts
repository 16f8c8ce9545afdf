import type { Actor, DecideSoaVersionInput, SoaVersionSummary } from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { decideSoaVersion } from "./decide-soa-version";

/** Rejects a version in review (its creator may withdraw it); the working state is untouched. */
export function rejectSoaVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: DecideSoaVersionInput,
): Promise<SoaVersionSummary> {
  return decideSoaVersion(ctx, actor, meta, number, "reject", input);
}
