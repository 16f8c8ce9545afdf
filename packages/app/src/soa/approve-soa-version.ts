import type { Actor, DecideSoaVersionInput, SoaVersionSummary } from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { decideSoaVersion } from "./decide-soa-version";

/** Approves a version in review (four-eyes); the previously approved version becomes superseded. */
export function approveSoaVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: DecideSoaVersionInput,
): Promise<SoaVersionSummary> {
  return decideSoaVersion(ctx, actor, meta, number, "approve", input);
}
