/** The closed set of error codes; one table in the server maps each to an HTTP status. */
export const errorCodes = [
  "not_found",
  "forbidden",
  "invalid_input",
  "invalid_state",
  "conflict",
  "unauthenticated",
  "rate_limited",
  "payload_too_large",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") =>
  new DomainError("forbidden", message);
export const invalidState = (message: string, details?: unknown) =>
  new DomainError("invalid_state", message, details);
export const conflict = (message: string, details?: unknown) => new DomainError("conflict", message, details);
export const invalidInput = (message: string, details?: unknown) =>
  new DomainError("invalid_input", message, details);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
