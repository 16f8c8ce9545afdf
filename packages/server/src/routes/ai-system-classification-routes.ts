import {
  ClassificationAnswers,
  ObligationParams,
  OrgObligationList,
  OrgObligationQuery,
  SystemClassificationDetail,
  SystemObligationList,
  SystemObligationView,
  UpdateObligationInput,
} from "@openaims/core";
import {
  classifySystem,
  getSystemClassification,
  listOrgObligations,
  listSystemObligations,
  updateSystemObligation,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["eu-ai-act"];
const base = "/api/v1/orgs/:orgId/ai-systems/:id";

/** Stored EU AI Act classifications per AI system, with history, and the obligations they generate. */
export async function aiSystemClassificationRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.put(
    `${base}/classification`,
    {
      schema: {
        tags,
        summary: "Classify an AI system and store the result as a new version",
        description:
          "`ai_system.update`. Body: the questionnaire answers (as `POST /api/v1/eu-ai-act/classify`). The server " +
          "classifies with the current rule data and stores a new immutable version when the answers or the rule " +
          "data differ from the current one (otherwise nothing is written). The system's obligations are synced in " +
          "the same transaction; audit event `ai_system.classified` carries the diff of the classification axes. " +
          "400 names the field of invalid answers; archived systems → 409.",
        params: OrgRecordParams,
        body: ClassificationAnswers,
        response: { 200: SystemClassificationDetail },
      },
    },
    async (request) =>
      classifySystem(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    `${base}/classification`,
    {
      schema: {
        tags,
        summary: "An AI system's current EU AI Act classification and its history",
        description:
          "`ai_system.read`. `current` is null until the system is classified; `history` newest first (≤ 100).",
        params: OrgRecordParams,
        response: { 200: SystemClassificationDetail },
      },
    },
    async (request) =>
      getSystemClassification(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.get(
    `${base}/obligations`,
    {
      schema: {
        tags,
        summary: "The EU AI Act obligations tracked for an AI system",
        description:
          "`ai_system.read`. Sorted by `appliesFrom`. Obligations the current classification no longer generates " +
          "stay listed with `applicable: false` and status `not_applicable`. Bounded by the rule-data catalogue.",
        params: OrgRecordParams,
        response: { 200: SystemObligationList },
      },
    },
    async (request) =>
      listSystemObligations(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/obligations/:obligationId`,
    {
      schema: {
        tags,
        summary: "Edit a tracked obligation (status, owner, due date, notes, linked evidence and documents)",
        description:
          "`ai_system.update`. Status open → in_progress → met, or not_applicable; `dueDate` may be set earlier " +
          "than `appliesFrom`, never later (null = appliesFrom). `links` (evidence and documents of the org, " +
          "`{ type: evidence | document, id }`) replaces the linked list; an unknown or another org's record → " +
          "400 naming `links.N`. The event `ai_system.obligation_updated` carries the diff and the links added " +
          "and removed. Stale `version` → 409.",
        params: ObligationParams,
        body: UpdateObligationInput,
        response: { 200: SystemObligationView },
      },
    },
    async (request) =>
      updateSystemObligation(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.params.obligationId,
        request.body,
      ),
  );

  app.get(
    "/api/v1/orgs/:orgId/obligations",
    {
      schema: {
        tags,
        summary: "Tracked EU AI Act obligations across the organization's AI systems",
        description:
          "`ai_system.read`. Obligations of live (not archived) systems, sorted by `appliesFrom`, system name and " +
          "article; filters `status`, `systemId`, `appliesBefore` (YYYY-MM-DD, exclusive) and `overdue`. `counts` " +
          "cover every matching row; `truncated` says more matched than `limit` (default 500, at most 1000).",
        params: OrgParams,
        querystring: OrgObligationQuery,
        response: { 200: OrgObligationList },
      },
    },
    async (request) => listOrgObligations(ctx, await request.actorFor(request.params.orgId), request.query),
  );
}
