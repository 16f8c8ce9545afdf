import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** helmet's options for the API and the web UI; HSTS only when cookies are marked secure (served over HTTPS). */
export function securityHeaderOptions(cookieSecure: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: cookieSecure ? undefined : false,
  };
}

/** What helmet does to a response for `options`: the headers it sets and the ones it removes, in order. */
export function helmetHeaders(options: Readonly<HelmetOptions>): {
  set: [string, string][];
  removed: string[];
} {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const res = {
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  helmet(options)({} as never, res as unknown as ServerResponse, () => {});
  return { set, removed };
}

/**
 * helmet's security headers on every response. They depend only on the options, so helmet runs once at
 * start-up and each request only copies its result onto the raw response, where the middleware would have
 * put it (@fastify/helmet rebuilt the whole middleware — CSP directives parsed — on every request). A test
 * compares the headers with @fastify/helmet's for the same options.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const { set, removed } = helmetHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    const raw = reply.raw;
    for (const name of removed) raw.removeHeader(name);
    for (const [name, value] of set) raw.setHeader(name, value);
    done();
  });
}
