import { DomainError, describeIssues, type ErrorCode } from "@openaims/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { sqlState } from "@openaims/db";

/** The one table from domain error code to HTTP status. */
export const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Maps anything thrown to a status and body; never leaks a stack trace or SQL. */
export function toErrorResponse(err: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof DomainError)
    return { status: statusOf[err.code], body: body(err.code, err.message, err.details) };

  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? "request";
    const issues = fe.validation.map((v) => ({
      path:
        [
          where === "body" ? null : where,
          ...String(v.instancePath ?? "")
            .split("/")
            .filter(Boolean),
        ]
          .filter(Boolean)
          .join(".") || where,
      message: unknownKeyMessage(v.message ?? "is not valid", v.params),
    }));
    return {
      status: 400,
      body: body("invalid_input", `Invalid ${where}: ${issues[0]?.path}: ${issues[0]?.message}`, { issues }),
    };
  }
  if (isResponseSerializationError(fe)) {
    request.log.error(
      { err: fe, issues: fe.cause ? describeIssues(fe.cause as never) : undefined },
      "response did not match its schema",
    );
    return {
      status: 500,
      body: body("internal", `Something went wrong on our side (request ${request.id}).`),
    };
  }
  switch (fe.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: body("payload_too_large", "The request body is too large.") };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        body: body(
          "invalid_input",
          `Unsupported content type: ${request.headers["content-type"] ?? "none"}.`,
        ),
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, body: body("invalid_input", "The JSON body is empty.") };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, body: body("invalid_input", "The request body is not valid JSON.") };
  }
  if (fe instanceof SyntaxError || fe.statusCode === 400) {
    return { status: 400, body: body("invalid_input", fe.message || "The request is not valid.") };
  }
  if (fe.statusCode === 413)
    return { status: 413, body: body("payload_too_large", "The request body is too large.") };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: body(fe.statusCode === 404 ? "not_found" : "invalid_input", fe.message),
    };
  }
  const state = sqlState(err);
  if (state === "22021" || state === "22P05" || state === "54000") {
    return {
      status: 400,
      body: body("invalid_input", "The input contains characters or sizes the database cannot store."),
    };
  }
  if (state === "23505")
    return { status: 409, body: body("conflict", "A record with the same unique value already exists.") };
  if (state === "57014" || state === "57P01" || state === "08006" || state === "08003") {
    request.log.error({ err }, "database unavailable");
    return {
      status: 503,
      body: body("unavailable", "The database is not reachable right now; try again shortly."),
    };
  }
  request.log.error({ err }, "unhandled error");
  return { status: 500, body: body("internal", `Something went wrong on our side (request ${request.id}).`) };
}

function unknownKeyMessage(message: string, params: unknown): string {
  const keys = (params as { keys?: string[] } | undefined)?.keys;
  return keys?.length ? `unknown field(s): ${keys.join(", ")}` : message;
}

export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body: b } = toErrorResponse(err, reply.request);
  return reply.status(status).send(b);
}
