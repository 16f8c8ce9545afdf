import {
  CompleteVendorQuestionnaireInput,
  SaveVendorQuestionnaireInput,
  VendorQuestionnaireDraftView,
  VendorQuestionnaireHistoryView,
  VendorQuestionnaireResponseView,
  VendorQuestionnaireTemplateView,
  VendorListQuery,
  VendorPage,
  VendorView,
  CreateVendorInput,
  UpdateVendorInput,
} from "@openaims/core";
import {
  completeVendorQuestionnaire,
  getVendorQuestionnaire,
  getVendorQuestionnaireHistory,
  getVendorQuestionnaireTemplate,
  saveVendorQuestionnaire,
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
          "By name; filter by `q` (name, supplies, contract reference), `riskRating`, `model` (the model's suppliers), `archived`. `reviewDue` is computed on read (review date today or past, UTC). Keyset-paged.",
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

  questionnaireRoutes(app, ctx);

  archiveRestoreRoutes(app, ctx, {
    path: `${base}/:id`,
    tags,
    view: VendorView,
    archive: { run: archiveVendor, summary: "Archive a vendor" },
    restore: { run: restoreVendor, summary: "Restore an archived vendor" },
  });
}

/** The AI-supplier due-diligence questionnaire: the template, a vendor's draft, completing it, and its history. */
function questionnaireRoutes(app: ZodApp, ctx: ServerDeps["ctx"]): void {
  const qTags = ["vendors"];
  app.get(
    "/api/v1/orgs/:orgId/vendor-questionnaire",
    {
      schema: {
        tags: qTags,
        summary: "The AI-supplier due-diligence questionnaire",
        description:
          "Sections and questions (id, text, help, type, weight, which answers are concerns), the answer choices and " +
          "the rating thresholds. Versioned: a completed response keeps the version it answered.",
        params: OrgParams,
        response: { 200: VendorQuestionnaireTemplateView },
      },
    },
    async (request) => getVendorQuestionnaireTemplate(await request.actorFor(request.params.orgId)),
  );

  app.get(
    `${base}/:id/questionnaire`,
    {
      schema: {
        tags: qTags,
        summary: "A vendor's questionnaire draft and its score so far",
        description:
          "`version` is 0 while no draft is saved; the answers are then those of the latest completed response. " +
          "`score.suggestedRating` is advice beside the stored `currentRating`.",
        params: OrgRecordParams,
        response: { 200: VendorQuestionnaireDraftView },
      },
    },
    async (request) =>
      getVendorQuestionnaire(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.put(
    `${base}/:id/questionnaire`,
    {
      schema: {
        tags: qTags,
        summary: "Save a vendor's questionnaire draft",
        description:
          "`answers` (`{ <questionId>: { answer, note } }`) replace the draft's whole; `version` is the draft's (0 to " +
          "start one). A stale version is 409 `conflict`; an archived vendor 409 `invalid_state`; a bad answer is 400 " +
          "naming `answers.<id>.answer`.",
        params: OrgRecordParams,
        body: SaveVendorQuestionnaireInput,
        response: { 200: VendorQuestionnaireDraftView },
      },
    },
    async (request) =>
      saveVendorQuestionnaire(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${base}/:id/questionnaire/complete`,
    {
      schema: {
        tags: qTags,
        summary: "Complete a vendor's questionnaire",
        description:
          "The saved draft (body `{ version }`) becomes an immutable response with its score; the vendor's risk " +
          "rating is not changed. Every choice question needs an answer (400 naming `answers.<id>`).",
        params: OrgRecordParams,
        body: CompleteVendorQuestionnaireInput,
        response: { 201: VendorQuestionnaireResponseView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      const response = await completeVendorQuestionnaire(
        ctx,
        actor,
        request.meta(),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(response);
    },
  );

  app.get(
    `${base}/:id/questionnaire/history`,
    {
      schema: {
        tags: qTags,
        summary: "A vendor's completed questionnaires, newest first",
        params: OrgRecordParams,
        response: { 200: VendorQuestionnaireHistoryView },
      },
    },
    async (request) =>
      getVendorQuestionnaireHistory(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
}
