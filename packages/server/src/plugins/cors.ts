import type { FastifyInstance } from "fastify";

/** No CORS unless origins are configured; then only those origins, with credentials. */
export function registerCors(app: FastifyInstance, origins: string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook("onRequest", async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header("access-control-allow-origin", origin);
    reply.header("access-control-allow-credentials", "true");
    reply.header("vary", "Origin");
    if (request.method === "OPTIONS") {
      reply.header("access-control-allow-methods", "GET,POST,PATCH,PUT,DELETE");
      reply.header(
        "access-control-allow-headers",
        "content-type,authorization,x-csrf-token,x-request-id,if-match",
      );
      reply.header("access-control-max-age", "600");
      return reply.status(204).send();
    }
  });
}
