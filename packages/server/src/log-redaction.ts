import type { FastifyRequest } from "fastify";

/**
 * Invitation secrets travel in URLs (the public preview `/api/v1/invitations/<token>` and the web page
 * `/invitations/accept?token=…`); request logs must never hold them.
 */
export function redactUrlSecrets(url: string): string {
  return url
    .replace(/^(\/api\/v1\/invitations\/)(?!accept(?:[/?#]|$))[^/?#]+/, "$1[redacted]")
    .replace(/([?&](?:token|invitation)=)[^&#]*/gi, "$1[redacted]");
}

/** Fastify's request log fields, with secrets in the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrlSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
