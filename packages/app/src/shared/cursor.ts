import { invalidInput } from "@openaims/core";

/** Opaque keyset cursors: base64url JSON of the last row's sort key and id. */
export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === arity) return value;
  } catch {
    /* fall through */
  }
  throw invalidInput("The cursor is not valid; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });
}
