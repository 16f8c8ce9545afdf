import { z } from "zod";
import {
  CreateImpactAssessmentInput,
  ImpactAssessmentActionInput,
  ImpactAssessmentListQuery,
  ImpactAssessmentPage,
  ImpactAssessmentVersionDiffView,
  ImpactAssessmentVersionView,
  ImpactAssessmentView,
  RecordAuthorityNotificationInput,
  UpdateImpactAssessmentInput,
  Uuid,
  type ImpactAssessmentAction,
} from "@openaims/core";
import {
  createImpactAssessment,
  diffImpactAssessmentVersions,
  getImpactAssessment,
  getImpactAssessmentVersion,
  listImpactAssessmentTemplates,
  listImpactAssessments,
  listSystemImpactAssessments,
  recordAuthorityNotification,
  runImpactAssessmentAction,
  updateImpactAssessment,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams, VersionNumber } from "./route-kit";

const tags = ["impact-assessments"];
const base = "/api/v1/orgs/:orgId/impact-assessments";

const actions: { action: ImpactAssessmentAction; summary: string; description: string }[] = [
  {
    action: "submit",
    summary: "Submit an impact assessment for sign-off",
    description:
      "`document.write`. draft → in_review; freezes a version. Incomplete content → 400 with `details.issues` naming each field.",
  },
  {
    action: "approve",
    summary: "Approve (sign off) an impact assessment",
    description:
      "`document.approve`. in_review → approved; freezes a version that supersedes the previous approval, records " +
      "the AI system's version as the review baseline and sets the next review date. The revision's author and " +
      "editors cannot approve it (403, rule four_eyes).",
  },
  {
    action: "reject",
    summary: "Send an impact assessment back to draft",
    description: "`document.approve`. in_review → draft; the `comment` is kept as the review comment.",
  },
  {
    action: "revise",
    summary: "Start a revision of an approved impact assessment",
    description:
      "`document.write`. approved → draft (revision + 1, the caller becomes its author); the approved version stays in force until the next approval.",
  },
  {
    action: "mark-reviewed",
    summary: "Confirm that an approved impact assessment still holds",
    description:
      "`document.approve`. Resets the review baseline (system version, incidents) and the next review date; closes the review tasks on the next generation.",
  },
  {
    action: "archive",
    summary: "Archive an impact assessment",
    description: "`document.approve`. Ends the assessment; it stays readable with its versions.",
  },
  {
    action: "restore",
    summary: "Restore an archived impact assessment",
    description:
      "`document.approve`. archived → approved when its approved version is still the latest and no revision was " +
      "started since, else → draft (an earlier approval stays in force). Not archived → 409 `invalid_state`.",
  },
];

const TemplateList = z.object({ items: z.array(z.any()) });

/** Impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5; EU AI Act Art. 27 FRIA): see docs/impact-assessments.md. */
export async function impactAssessmentRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/impact-assessment-templates",
    {
      schema: {
        tags,
        summary: "The impact assessment templates (standard and FRIA) with their sections and guidance",
        description: "`aims.read`. Template data: sections with our explanations and their fields.",
        params: OrgParams,
        response: { 200: TemplateList },
      },
    },
    async (request) => listImpactAssessmentTemplates(await request.actorFor(request.params.orgId)),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List impact assessments",
        description: "`aims.read`. Newest first; `systemId` and `status` narrow the list.",
        params: OrgParams,
        querystring: ImpactAssessmentListQuery,
        response: { 200: ImpactAssessmentPage },
      },
    },
    async (request) =>
      listImpactAssessments(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.get(
    "/api/v1/orgs/:orgId/ai-systems/:id/impact-assessments",
    {
      schema: {
        tags,
        summary: "The impact assessments of one AI system",
        params: OrgRecordParams,
        querystring: ImpactAssessmentListQuery.omit({ systemId: true }),
        response: { 200: ImpactAssessmentPage },
      },
    },
    async (request) =>
      listSystemImpactAssessments(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Start an impact assessment of an AI system",
        description:
          "`document.write`. Creates a draft. Without `variant`, a system whose current EU AI Act classification " +
          "requires a FRIA gets the FRIA template. Another org's system → 400 naming `aiSystemId`.",
        params: OrgParams,
        body: CreateImpactAssessmentInput,
        response: { 201: ImpactAssessmentView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createImpactAssessment(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "An impact assessment with ratings, gaps, versions, notifications and linked controls",
        params: OrgRecordParams,
        response: { 200: ImpactAssessmentView },
      },
    },
    async (request) =>
      getImpactAssessment(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Edit an impact assessment",
        description:
          "`document.write`. Title, owner and review schedule at any live status; `content` (replaced whole) and " +
          "`variant` only in a draft (else 409 `invalid_state`). Stale `version` → 409 `conflict`.",
        params: OrgRecordParams,
        body: UpdateImpactAssessmentInput,
        response: { 200: ImpactAssessmentView },
      },
    },
    async (request) =>
      updateImpactAssessment(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  for (const a of actions)
    app.post(
      `${base}/:id/${a.action}`,
      {
        schema: {
          tags,
          summary: a.summary,
          description: `${a.description} Body: the assessment \`version\` you read and an optional \`comment\`.`,
          params: OrgRecordParams,
          body: ImpactAssessmentActionInput,
          response: { 200: ImpactAssessmentView },
        },
      },
      async (request) =>
        runImpactAssessmentAction(
          ctx,
          await request.actorFor(request.params.orgId),
          request.meta(),
          request.params.id,
          a.action,
          request.body,
        ),
    );

  app.get(
    `${base}/:id/versions/:number`,
    {
      schema: {
        tags,
        summary: "One frozen version of an impact assessment",
        params: z.object({ orgId: Uuid, id: Uuid, number: VersionNumber }),
        response: { 200: ImpactAssessmentVersionView },
      },
    },
    async (request) =>
      getImpactAssessmentVersion(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.params.number,
      ),
  );

  app.get(
    `${base}/:id/versions/:from/diff/:to`,
    {
      schema: {
        tags,
        summary: "What changed between two frozen versions of an impact assessment",
        description:
          "`aims.read`. Field by field along the template: each differing text as a line diff, the harms as one " +
          "text block per harm, and title, variant, template and overall ratings as before/after. Either order; " +
          "an unknown version → 404.",
        params: z.object({ orgId: Uuid, id: Uuid, from: VersionNumber, to: VersionNumber }),
        response: { 200: ImpactAssessmentVersionDiffView },
      },
    },
    async (request) =>
      diffImpactAssessmentVersions(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.params.from,
        request.params.to,
      ),
  );

  app.post(
    `${base}/:id/notifications`,
    {
      schema: {
        tags,
        summary: "Record that the authority was notified of a FRIA's results (Art. 27(3))",
        description:
          "`document.write`. Only for an approved FRIA; append-only. `notifiedOn` must not be in the future.",
        params: OrgRecordParams,
        body: RecordAuthorityNotificationInput,
        response: { 201: ImpactAssessmentView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await recordAuthorityNotification(ctx, actor, request.meta(), request.params.id, request.body));
    },
  );
}
