import {
  VendorListQuery,
  VendorPage,
  VendorView,
  CreateVendorInput,
  UpdateVendorInput,
} from "@openaims/core";
import {
  archiveVendor,
  createVendor,
  getVendor,
  listVendors,
  restoreVendor,
  updateVendor,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["vendors"];
const base = "/api/v1/orgs/:orgId/vendors";

/** Vendors and third parties (A.10), suppliers of AI system components (issue 4 §1): thin adapters over the use cases. */
export async function vendorRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List vendors",
        description:
          "By name; filter by `q` (name, supplies, contract reference), `riskRating`, `archived`. `reviewDue` is computed on read (review date today or past, UTC). Keyset-paged.",
        params: OrgParams,
        querystring: VendorListQuery,
        response: { 200: VendorPage },
      },
    },
    async (request) => listVendors(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Record a vendor",
        description:
          '`links` name what the vendor supplies (`{ type: "ai_system" | "ai_model" | "dataset", id }`). ' +
          "`responsibilities` allocates each topic to `organization`, `vendor` or `shared` (A.10.2); `customerObligations` (A.10.4).",
        params: OrgParams,
        body: CreateVendorInput,
        response: { 201: VendorView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createVendor(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "A vendor with its contract, responsibilities and what it supplies",
        params: OrgRecordParams,
        response: { 200: VendorView },
      },
    },
    async (request) => getVendor(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change a vendor",
        description:
          "Only the fields sent change (`responsibilities` is replaced whole); `links`, when sent, replaces the set. A stale " +
          "`version` is 409 `conflict`; an archived vendor is 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateVendorInput,
        response: { 200: VendorView },
      },
    },
    async (request) =>
      updateVendor(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  archiveRestoreRoutes(app, ctx, {
    path: `${base}/:id`,
    tags,
    view: VendorView,
    archive: { run: archiveVendor, summary: "Archive a vendor" },
    restore: { run: restoreVendor, summary: "Restore an archived vendor" },
  });
}
