import { z } from "zod";
import {
  ContextIssueListQuery,
  ContextIssuePage,
  ContextIssueView,
  CreateContextIssueInput,
  CreateInterestedPartyInput,
  CreatePartyRequirementInput,
  InterestedPartyPage,
  InterestedPartyView,
  OrgAiRoleKeySchema,
  OrgAiRolesView,
  PartyTypeSchema,
  SetOrgAiRoleInput,
  UpdateContextIssueInput,
  UpdateInterestedPartyInput,
  UpdatePartyRequirementInput,
  Uuid,
  VersionQuery,
  PageQuery,
} from "@openaims/core";
import {
  addPartyRequirement,
  createContextIssue,
  createInterestedParty,
  deleteInterestedParty,
  deletePartyRequirement,
  getContextIssue,
  getInterestedParty,
  listContextIssues,
  listInterestedParties,
  listOrgAiRoles,
  removeOrgAiRole,
  setContextIssueArchived,
  setOrgAiRole,
  updateContextIssue,
  updateInterestedParty,
  updatePartyRequirement,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const ReqParams = z.object({ orgId: Uuid, id: Uuid, requirementId: Uuid });
const RoleParams = z.object({ orgId: Uuid, role: OrgAiRoleKeySchema });
const tags = ["scope-and-context"];
const base = "/api/v1/orgs/:orgId/context";

/** Internal and external issues (4.1), interested parties (4.2) and the organization's AI roles. */
export async function contextRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  /* ── issues ── */
  app.get(
    `${base}/issues`,
    {
      schema: {
        tags,
        summary: "List internal and external issues",
        description: "Ordered by kind, then title; keyset-paged. `archived` defaults to false.",
        params: OrgParams,
        querystring: ContextIssueListQuery,
        response: { 200: ContextIssuePage },
      },
    },
    async (request) => listContextIssues(ctx, await request.actorFor(request.params.orgId), request.query),
  );
  app.post(
    `${base}/issues`,
    {
      schema: {
        tags,
        summary: "Record an issue",
        description:
          "`ownerId` must be an active member; `reviewDate` is the day it should be looked at again.",
        params: OrgParams,
        body: CreateContextIssueInput,
        response: { 201: ContextIssueView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createContextIssue(ctx, actor, request.meta(), request.body));
    },
  );
  app.get(
    `${base}/issues/:id`,
    { schema: { tags, summary: "An issue", params: OrgRecordParams, response: { 200: ContextIssueView } } },
    async (request) => getContextIssue(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
  app.patch(
    `${base}/issues/:id`,
    {
      schema: {
        tags,
        summary: "Change an issue",
        description:
          "Only the fields sent change; stale `version` → 409 `conflict`; archived → 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateContextIssueInput,
        response: { 200: ContextIssueView },
      },
    },
    async (request) =>
      updateContextIssue(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );
  archiveRestoreRoutes(app, ctx, {
    path: `${base}/issues/:id`,
    tags,
    view: ContextIssueView,
    archive: {
      run: (c, actor, meta, id, version) => setContextIssueArchived(c, actor, meta, id, version, true),
      summary: "Archive an issue",
    },
    restore: {
      run: (c, actor, meta, id, version) => setContextIssueArchived(c, actor, meta, id, version, false),
      summary: "Restore an archived issue",
    },
  });

  /* ── interested parties ── */
  app.get(
    `${base}/interested-parties`,
    {
      schema: {
        tags,
        summary: "List interested parties with their requirements",
        params: OrgParams,
        querystring: PageQuery.extend({ type: PartyTypeSchema.optional() }),
        response: { 200: InterestedPartyPage },
      },
    },
    async (request) =>
      listInterestedParties(ctx, await request.actorFor(request.params.orgId), request.query),
  );
  app.post(
    `${base}/interested-parties`,
    {
      schema: {
        tags,
        summary: "Add an interested party",
        params: OrgParams,
        body: CreateInterestedPartyInput,
        response: { 201: InterestedPartyView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createInterestedParty(ctx, actor, request.meta(), request.body));
    },
  );
  app.get(
    `${base}/interested-parties/:id`,
    {
      schema: {
        tags,
        summary: "An interested party",
        params: OrgRecordParams,
        response: { 200: InterestedPartyView },
      },
    },
    async (request) =>
      getInterestedParty(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
  app.patch(
    `${base}/interested-parties/:id`,
    {
      schema: {
        tags,
        summary: "Change an interested party",
        params: OrgRecordParams,
        body: UpdateInterestedPartyInput,
        response: { 200: InterestedPartyView },
      },
    },
    async (request) =>
      updateInterestedParty(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );
  app.delete(
    `${base}/interested-parties/:id`,
    {
      schema: {
        tags,
        summary: "Delete an interested party with its requirements",
        description: "`?version=` is the version you read.",
        params: OrgRecordParams,
        querystring: VersionQuery,
        response: { 204: z.null().describe("deleted") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await deleteInterestedParty(ctx, actor, request.meta(), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/interested-parties/:id/requirements`,
    {
      schema: {
        tags,
        summary: "Add a requirement of an interested party",
        description:
          "`addressed` (yes, partly, no; null while undecided) says whether the AIMS addresses it, `how` says " +
          "how; `link` optionally points at the record that shows it. Answers with the whole party.",
        params: OrgRecordParams,
        body: CreatePartyRequirementInput,
        response: { 201: InterestedPartyView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      const party = await addPartyRequirement(ctx, actor, request.meta(), request.params.id, request.body);
      return reply.status(201).send(party);
    },
  );
  app.patch(
    `${base}/interested-parties/:id/requirements/:requirementId`,
    {
      schema: {
        tags,
        summary: "Change a requirement",
        description: "`version` is the requirement's version. `link: null` removes the link.",
        params: ReqParams,
        body: UpdatePartyRequirementInput,
        response: { 200: InterestedPartyView },
      },
    },
    async (request) =>
      updatePartyRequirement(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.params.requirementId,
        request.body,
      ),
  );
  app.delete(
    `${base}/interested-parties/:id/requirements/:requirementId`,
    {
      schema: {
        tags,
        summary: "Delete a requirement",
        params: ReqParams,
        querystring: VersionQuery,
        response: { 200: InterestedPartyView },
      },
    },
    async (request) =>
      deletePartyRequirement(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.params.requirementId,
        request.query.version,
      ),
  );

  /* ── AI roles ── */
  app.get(
    `${base}/ai-roles`,
    {
      schema: {
        tags,
        summary: "The AI roles the organization plays",
        description: "Every role, with `plays` and a note; roles not played have `version: null`.",
        params: OrgParams,
        response: { 200: OrgAiRolesView },
      },
    },
    async (request) => listOrgAiRoles(ctx, await request.actorFor(request.params.orgId)),
  );
  app.put(
    `${base}/ai-roles/:role`,
    {
      schema: {
        tags,
        summary: "Record that the organization plays a role, or change its note",
        description: "Send `version` to change a recorded role's note; omit it to add the role.",
        params: RoleParams,
        body: SetOrgAiRoleInput,
        response: { 200: OrgAiRolesView },
      },
    },
    async (request) =>
      setOrgAiRole(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.role,
        request.body,
      ),
  );
  app.delete(
    `${base}/ai-roles/:role`,
    {
      schema: {
        tags,
        summary: "The organization no longer plays a role",
        params: RoleParams,
        querystring: VersionQuery,
        response: { 200: OrgAiRolesView },
      },
    },
    async (request) =>
      removeOrgAiRole(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.role,
        request.query.version,
      ),
  );
}
