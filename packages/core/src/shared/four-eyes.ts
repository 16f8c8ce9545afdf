import { DomainError } from "./domain-error";

/**
 * Four-eyes: whoever approves a version must not be whoever wrote it. Every approval in OpenAIMS (document
 * versions, the AIMS scope, SoA versions) goes through this one rule, so it cannot drift between features.
 */
export function assertFourEyes(authorId: string | null, approverId: string, what: string): void {
  if (authorId !== null && authorId === approverId)
    throw new DomainError(
      "forbidden",
      `You wrote this ${what}, so someone else must approve it (four-eyes principle).`,
      { rule: "four_eyes" },
    );
}
