import type { z } from "zod";

export interface FieldIssue {
  path: string;
  message: string;
}

/** Flattens zod issues into `{ path, message }` pairs that name the field, e.g. `geographies.2`. */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

export function summarizeIssues(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return "The input is not valid.";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${first.path}: ${first.message}${more}`;
}
