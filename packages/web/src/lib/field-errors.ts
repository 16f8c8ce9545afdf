import type { FieldIssue } from "@openaims/core";

export type FieldErrors = Record<string, string[]>;

/**
 * Groups issues by their top-level field (`geographies.2` → `geographies`), keeping
 * the position of list items in the message so the user can find the bad entry.
 */
export function groupIssues(issues: FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of issues) {
    const [head = "", ...rest] = path.split(".");
    const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null;
    const text = index === null ? message : `Entry ${index + 1}: ${message}`;
    (out[head] ??= []).push(text);
  }
  return out;
}

export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** The messages of the issues at `path` or below it (`links` also takes `links.0.id`), for a field's `errors`. */
export const issuesAt =
  (issues: FieldIssue[]) =>
  (path: string): string[] =>
    issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
