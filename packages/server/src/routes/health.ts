import { sql } from "drizzle-orm";
import { z } from "zod";
import type { ServerDeps, ZodApp } from "../deps";
import { apiVersion } from "../deps";

const Health = z.object({
  status: z.enum(["ok", "error"]),
  version: z.string(),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean() }),
});

export async function healthRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database check",
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      let ok = true;
      try {
        await ctx.database.db.execute(sql`select 1`);
      } catch {
        ok = false;
      }
      return reply.status(ok ? 200 : 503).send({
        status: ok ? "ok" : "error",
        version: apiVersion,
        database: { kind: ctx.database.kind, ok },
      });
    },
  );
}
