import { AuditEventPage, AuditEventQuery, VerifyResult } from "@openaims/core";
import { listAuditEvents, verifyAuditTrail } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const tags = ["audit-trail"];

export async function auditEventRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/audit-events",
    {
      schema: {
        tags,
        summary: "The organization's audit trail",
        description:
          "Newest first, keyset-paged. Filters: `entityType`, `entityId`, `actorId`, `type`, and `from`/`to` " +
          "(ISO 8601 date-times, both inclusive). Needs the `audit_event.read` permission.",
        params: OrgParams,
        querystring: AuditEventQuery,
        response: { 200: AuditEventPage },
      },
    },
    async (request) => listAuditEvents(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.get(
    "/api/v1/orgs/:orgId/audit-events/verify",
    {
      schema: {
        tags,
        summary: "Verify the audit trail's hash chain",
        description:
          "Recomputes every event's hash from the first; `ok: false` names the first broken event and why.",
        params: OrgParams,
        response: { 200: VerifyResult },
      },
    },
    async (request) => verifyAuditTrail(ctx, await request.actorFor(request.params.orgId)),
  );
}
