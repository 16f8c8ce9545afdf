import { conflict, invalidInput, permissions as catalogue, type Permission } from "@openaims/core";
import { decodeCursor } from "../shared/cursor";
import { labelOfGrant, roleKeyOf, type RoleGrant } from "./role-grant";

/** A stored grant as responses show it: `owner` or `custom:<id>`, with its label. */
export function presentGrant(g: RoleGrant, customName: string | null): { role: string; roleLabel: string } {
  return { role: roleKeyOf(g), roleLabel: labelOfGrant(g, customName) };
}

/** Permissions in catalogue order, so lists read the same everywhere. */
export const sortedPermissions = (set: ReadonlySet<Permission> | readonly string[]): Permission[] => {
  const has = new Set<string>(set);
  return catalogue.filter((p) => has.has(p));
};

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A LIKE pattern that matches `q` literally anywhere. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const staleVersion = (what: string) =>
  conflict(`The ${what} was changed by someone else since you loaded it; reload and try again.`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () =>
  invalidInput("The cursor is not valid; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });

/** Decodes a keyset cursor and checks each part's kind, so a forged cursor is a 400 and never a SQL error. */
export function decodeKeyset(cursor: string | undefined, kinds: readonly ("text" | "uuid" | "time")[]) {
  const parts = decodeCursor(cursor, kinds.length);
  if (!parts) return null;
  kinds.forEach((kind, i) => {
    const v = parts[i];
    if (typeof v !== "string") throw badCursor();
    if (kind === "uuid" && !UUID.test(v)) throw badCursor();
    if (kind === "time" && Number.isNaN(Date.parse(v))) throw badCursor();
  });
  return parts as string[];
}
