import { createHash, randomBytes } from "node:crypto";

/** Opaque secrets (sessions, API tokens, invitations): 256 random bits; only their SHA-256 is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
