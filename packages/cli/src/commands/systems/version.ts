import type { AiSystemView } from "@openaims/core";
import { usageError } from "../../exit-codes";
import type { Session } from "../../http/session";

export function parseVersion(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--version must be a whole number ≥ 1, got '${raw}'.`);
  return n;
}

/** The version to send when the user gave none: whatever the server has now. */
export async function currentVersion(session: Session, path: string): Promise<number> {
  return (await session.client.json<AiSystemView>("GET", path)).version;
}
