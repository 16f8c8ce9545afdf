import {
  PageQuery,
  ScopeActionInput,
  ScopeDiffQuery,
  ScopeDiffView,
  ScopeVersionPage,
  ScopeVersionParams,
  ScopeVersionView,
  ScopeView,
  UpdateScopeDraftInput,
} from "@openaims/core";
import {
  approveScopeVersion,
  createScopeDraft,
  diffScopeVersions,
  getScope,
  getScopeVersion,
  listScopeVersions,
  rejectScopeVersion,
  submitScopeVersion,
  updateScopeDraft,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const tags = ["scope-and-context"];
const base = "/api/v1/orgs/:orgId/scope";

/** The AIMS scope (4.3): versions, draft → in review → approved (four-eyes) → superseded. */
export async function scopeRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The scope in force and the version being worked on",
        params: OrgParams,
        response: { 200: ScopeView },
      },
    },
    async (request) => getScope(ctx, await request.actorFor(request.params.orgId)),
  );
  app.get(
    `${base}/versions`,
    {
      schema: {
        tags,
        summary: "Every scope version, newest first",
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: ScopeVersionPage },
      },
    },
    async (request) => listScopeVersions(ctx, await request.actorFor(request.params.orgId), request.query),
  );
  app.post(
    `${base}/versions`,
    {
      schema: {
        tags,
        summary: "Start a new draft",
        description:
          "Copies the scope in force (empty for the first version). Only one version may be open (draft or in " +
          "review) at a time: another one → 409 `invalid_state`.",
        params: OrgParams,
        response: { 201: ScopeVersionView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createScopeDraft(ctx, actor, request.meta()));
    },
  );
  app.get(
    `${base}/versions/:number`,
    {
      schema: {
        tags,
        summary: "One scope version",
        params: ScopeVersionParams,
        response: { 200: ScopeVersionView },
      },
    },
    async (request) =>
      getScopeVersion(ctx, await request.actorFor(request.params.orgId), request.params.number),
  );
  app.patch(
    `${base}/versions/:number`,
    {
      schema: {
        tags,
        summary: "Edit a draft",
        description:
          "Only drafts are editable (else 409 `invalid_state`). Each exclusion needs a justification.",
        params: ScopeVersionParams,
        body: UpdateScopeDraftInput,
        response: { 200: ScopeVersionView },
      },
    },
    async (request) =>
      updateScopeDraft(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.number,
        request.body,
      ),
  );
  const actions = {
    submit: [submitScopeVersion, "Submit a draft for approval", "Needs a statement (400 otherwise)."],
    approve: [
      approveScopeVersion,
      "Approve a version in review",
      "Needs `document.approve`. Whoever wrote, edited or submitted the version cannot approve it (403 with " +
        "`details.rule = four_eyes`). The scope in force until now becomes superseded.",
    ],
    reject: [rejectScopeVersion, "Send a version in review back to draft", "`note` says why."],
  } as const;
  for (const [action, [run, summary, description]] of Object.entries(actions))
    app.post(
      `${base}/versions/:number/${action}`,
      {
        schema: {
          tags,
          summary,
          description,
          params: ScopeVersionParams,
          body: ScopeActionInput,
          response: { 200: ScopeVersionView },
        },
      },
      async (request) =>
        run(
          ctx,
          await request.actorFor(request.params.orgId),
          request.meta(),
          request.params.number,
          request.body,
        ),
    );
  app.get(
    `${base}/versions/:number/diff`,
    {
      schema: {
        tags,
        summary: "What changed in a version",
        description:
          "Field by field against `against`; by default the latest earlier approved or superseded version.",
        params: ScopeVersionParams,
        querystring: ScopeDiffQuery,
        response: { 200: ScopeDiffView },
      },
    },
    async (request) =>
      diffScopeVersions(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.number,
        request.query.against,
      ),
  );
}
