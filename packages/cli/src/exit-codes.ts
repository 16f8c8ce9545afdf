import type { FieldIssue } from "@openaims/core";

/** The documented exit codes of `aims` (docs/cli.md); scripts rely on them, so they never change meaning. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  conflict: 5,
  unreachable: 6,
  rateLimited: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit codes:
  0  success
  1  general failure, or a check failed (e.g. 'aims audit verify' found a broken chain)
  2  usage error or invalid input (also a 400 from the server)
  3  not signed in, or not allowed (401/403)
  4  not found (404)
  5  conflict: stale version or invalid state (409)
  6  cannot reach the server or open the database
  7  rate limited (429)`;

/** A failure with its exit code; `run` prints it as `error: <message>` plus the field issues. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A failure the server reported: its status, error code and details are kept for commands that need them. */
export class ApiError extends CliError {
  constructor(
    exitCode: ExitCode,
    message: string,
    issues: FieldIssue[],
    readonly status: number,
    readonly code: string | null,
    readonly details: unknown,
  ) {
    super(exitCode, message, issues);
    this.name = "ApiError";
  }
}

export const usageError = (message: string, issues: FieldIssue[] = []) =>
  new CliError(ExitCode.usage, message, issues);

/** HTTP status → exit code, for responses the server sent. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return ExitCode.usage;
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status === 409) return ExitCode.conflict;
  if (status === 429) return ExitCode.rateLimited;
  if (status === 502 || status === 503 || status === 504) return ExitCode.unreachable;
  return ExitCode.failure;
}
