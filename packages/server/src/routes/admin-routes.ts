import { createHash, timingSafeEqual } from "node:crypto";
import type { Socket } from "node:net";
import { BootstrapInput, BootstrapResultView, DomainError } from "@openaims/core";
import { bootstrapInstance } from "@openaims/app";
import type { FastifyRequest } from "fastify";
import type { ServerDeps, ZodApp } from "../deps";

export const BOOTSTRAP_HEADER = "x-bootstrap-token";

const digest = (s: string) => createHash("sha256").update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
/** Loopback, or a connection to our own address from that same address: this machine either way. */
function isLocalConnection(socket: Socket | undefined): boolean {
  const remote = socket?.remoteAddress;
  if (!remote) return false;
  return LOOPBACK.test(remote) || remote === socket?.localAddress;
}

/**
 * The first owner, created over HTTP only by someone who can read the token file on this machine. Every
 * refusal before the token matches is the same 404 as an unknown route, so the endpoint is invisible otherwise.
 */
export async function adminRoutes(app: ZodApp, { ctx, bootstrap }: ServerDeps): Promise<void> {
  const guard = async (request: FastifyRequest) => {
    const expected = bootstrap?.token;
    const sent = request.headers[BOOTSTRAP_HEADER];
    if (
      !expected ||
      typeof sent !== "string" ||
      !isLocalConnection(request.socket) ||
      !sameSecret(sent, expected)
    ) {
      throw new DomainError("not_found", `No route for ${request.method} ${request.url.split("?")[0]}.`);
    }
  };

  app.post(
    "/api/v1/admin/bootstrap",
    {
      config: { csrf: false },
      preValidation: guard,
      schema: {
        hide: true,
        body: BootstrapInput,
        response: { 201: BootstrapResultView },
      },
    },
    async (request, reply) => {
      const result = await bootstrapInstance(ctx, request.body);
      bootstrap!.token = null;
      await bootstrap!.onBootstrapped?.();
      return reply.status(201).send(result);
    },
  );
}
