import { DomainError, invalidInput, type LinkTarget } from "@openaims/core";
import type { Executor } from "@openaims/db";
import { validateLinkTargets } from "../shared/links";

/**
 * The record a task is about must exist in the org (another org's record is unknown, as a 404 would be); framework
 * nodes come back in their full form `frameworkId:nodeId`.
 */
export async function validateTaskSubject(
  db: Executor,
  orgId: string,
  subject: LinkTarget | null,
): Promise<LinkTarget | null> {
  if (!subject) return null;
  try {
    const [normalized] = await validateLinkTargets(db, orgId, [subject], "subject");
    return normalized!;
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "invalid_input") throw e;
    const message = (e.details as { issues?: { message: string }[] } | undefined)?.issues?.[0]?.message;
    throw invalidInput(`subject: ${message ?? e.message}`, {
      issues: [{ path: "subject", message: message ?? e.message }],
    });
  }
}
