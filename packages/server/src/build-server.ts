import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { apiVersion, type ServerDeps, type ZodApp } from "./deps";
import { sendError } from "./errors";
import { authPlugin } from "./plugins/auth";
import { registerJsonParser } from "./plugins/json-parser";
import { registerCors } from "./plugins/cors";
import { registerSecurityHeaders, securityHeaderOptions } from "./plugins/security-headers";
import { registerRoutes } from "./routes";
import { serializeRequest } from "./log-redaction";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the HTTP server: plugins, the error table, OpenAPI, routes and (when built) the web UI. */
export async function buildServer(
  deps: ServerDeps,
  logger: boolean | object = true,
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      logger === true
        ? {
            level: config.logLevel,
            redact: {
              paths: [
                "req.headers.authorization",
                "req.headers.cookie",
                "req.headers['x-csrf-token']",
                "res.headers['set-cookie']",
              ],
              censor: "[redacted]",
            },
            serializers: { req: serializeRequest },
          }
        : logger,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonParser(app);
  app.addContentTypeParser(
    ["text/csv", "text/plain"],
    { parseAs: "string", bodyLimit: config.importLimit },
    (_r, body, done) => done(null, body),
  );

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  registerSecurityHeaders(app, securityHeaderOptions(config.cookieSecure));
  registerCors(app, config.corsOrigins);
  await app.register(cookie);
  await app.register(authPlugin, { ctx: deps.ctx });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "OpenAIMS API",
        version: apiVersion,
        description:
          "AI management system (ISO/IEC 42001). Errors are `{ error: { code, message, details? } }`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "API token (oa_…)" },
          session: { type: "apiKey", in: "cookie", name: "openaims_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err, _request, reply) => sendError(reply, err));

  await app.register(async (scope) =>
    registerRoutes(scope.withTypeProvider<ZodTypeProvider>() as unknown as ZodApp, deps),
  );

  const webDist = config.webDist;
  const hasWeb = webDist !== null && existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist!,
      wildcard: false,
      index: ["index.html"],
      maxAge: "1h",
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply.status(404).send({
      error: { code: "not_found", message: `No route for ${request.method} ${request.url.split("?")[0]}.` },
    });
  });
  return app;
}
