import type { FastifyInstance } from "fastify";
import { DomainError } from "@openaims/core";

/**
 * JSON bodies: prototype-poisoning keys and NUL characters (which PostgreSQL cannot store in text) are
 * rejected with a 400 instead of surfacing later as a 500.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === "") return done(null, undefined);
    try {
      const value = JSON.parse(text, (key, v) => {
        if (key === "__proto__" || key === "constructor")
          throw new DomainError("invalid_input", `The field name "${key}" is not allowed.`);
        if (typeof v === "string" && v.includes("\u0000")) {
          throw new DomainError("invalid_input", `The field "${key}" contains a NUL character.`, {
            issues: [{ path: key, message: "contains a NUL character" }],
          });
        }
        return v;
      });
      done(null, value);
    } catch (e) {
      if (e instanceof DomainError) return done(e, undefined);
      done(
        new DomainError("invalid_input", `The request body is not valid JSON: ${(e as Error).message}`),
        undefined,
      );
    }
  });
}
