import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "@openaims/app";
import type { ServerConfig } from "./config";

/** What every route module receives. */
export interface ServerDeps {
  ctx: AppContext;
  config: ServerConfig;
  /** the local-only first-owner channel; absent when the instance needs no bootstrap over HTTP */
  bootstrap?: BootstrapChannel;
}

/**
 * While no owner exists, `npm start` writes a random token to a file only the local user can read; the CLI
 * presents it to create the first owner. Cleared (token null) once used.
 */
export interface BootstrapChannel {
  token: string | null;
  onBootstrapped?: () => void | Promise<void>;
}

/** A Fastify instance whose route schemas are zod schemas (validated in, serialized out, documented). */
export type ZodApp = FastifyInstance<
  FastifyInstance["server"],
  FastifyInstance["server"] extends infer _ ? import("node:http").IncomingMessage : never,
  import("node:http").ServerResponse,
  FastifyInstance["log"],
  ZodTypeProvider
>;

export const apiVersion = "0.1.0";
