import {
  AuditEventPage,
  CreateDocumentFromTemplateInput,
  CreateDocumentInput,
  DocumentActionInput,
  DocumentDiffQuery,
  DocumentDiffView,
  DocumentListQuery,
  DocumentPage,
  DocumentTemplateList,
  DocumentVersionView,
  DocumentView,
  EditDraftInput,
  PageQuery,
  RejectDocumentInput,
  UpdateDocumentInput,
  type DocumentAction,
} from "@openaims/core";
import {
  createDocument,
  createDocumentFromTemplate,
  diffDocumentVersions,
  editDocumentDraft,
  getDocument,
  getDocumentVersion,
  listDocumentHistory,
  listDocuments,
  listDocumentTemplates,
  runDocumentAction,
  updateDocument,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams, VersionNumber } from "./route-kit";

const VersionParams = OrgRecordParams.extend({ number: VersionNumber });
const tags = ["documents"];
const base = "/api/v1/orgs/:orgId/documents";

/** The workflow actions, their URL segment and what each does (for the OpenAPI description). */
const actions: { path: string; action: DocumentAction; summary: string; description: string }[] = [
  {
    path: "submit",
    action: "submit",
    summary: "Submit the draft for review",
    description: "Needs `document.write`. The draft must not be empty.",
  },
  {
    path: "approve",
    action: "approve",
    summary: "Approve the version in review",
    description:
      "Needs `document.approve`. Four-eyes: the version's author or anyone who edited it gets 403 with " +
      "`details.rule = four_eyes`.",
  },
  {
    path: "reject",
    action: "reject",
    summary: "Send the version in review (or approved, not yet published) back to draft",
    description: "Needs `document.approve`; `comment` (why) is required.",
  },
  {
    path: "publish",
    action: "publish",
    summary: "Publish the approved version",
    description:
      "Needs `document.approve`. The published version is the one in force; the previous one becomes " +
      "superseded; the next review is due one review interval from today.",
  },
  {
    path: "retire",
    action: "retire",
    summary: "Withdraw the document",
    description: "Needs `document.approve`. Retires the version in force and any open version; final.",
  },
  {
    path: "new-draft",
    action: "newDraft",
    summary: "Start a new draft from the version in force",
    description: "Needs `document.write`. Only when no version is open (draft, in review or approved).",
  },
  {
    path: "mark-reviewed",
    action: "markReviewed",
    summary: "Record a periodic review with no change",
    description:
      "Needs `document.approve`. Moves the next review date to one review interval from today; the " +
      "optional `comment` is kept in the audit trail.",
  },
];

/** Documented information (7.5): thin adapters over the use cases in @openaims/app. */
export async function documentRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List documents",
        description:
          "By title; filters `kind`, `status` (status of the latest version, or `in_force`), `review` " +
          "(`overdue`, `due_soon`, `ok`: documents in force only), `ownerId`, `templateKey`, `q` (title). " +
          "Keyset-paged with `cursor`.",
        params: OrgParams,
        querystring: DocumentListQuery,
        response: { 200: DocumentPage },
      },
    },
    async (request) => listDocuments(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Create a document (version 1 as a draft)",
        description: "`ownerId` defaults to the caller and must be an active member.",
        params: OrgParams,
        body: CreateDocumentInput,
        response: { 201: DocumentView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createDocument(ctx, actor, request.meta(), request.body));
    },
  );

  app.post(
    `${base}/from-template`,
    {
      schema: {
        tags,
        summary: "Create a draft document from a starter template",
        description: "With the template's text, kind, review interval and suggested framework links.",
        params: OrgParams,
        body: CreateDocumentFromTemplateInput,
        response: { 201: DocumentView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await createDocumentFromTemplate(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/document-templates",
    {
      schema: {
        tags,
        summary: "The starter templates",
        params: OrgParams,
        response: { 200: DocumentTemplateList },
      },
    },
    async (request) => listDocumentTemplates(ctx, await request.actorFor(request.params.orgId)),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "A document",
        description:
          "Metadata, review status, every version's summary (newest first), the text in force (`current`) " +
          "and the latest text (`latest`), links, and `abilities` (role, state and four-eyes combined).",
        params: OrgRecordParams,
        response: { 200: DocumentView },
      },
    },
    async (request) => getDocument(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change a document's metadata or links",
        description:
          "Title, kind, owner, review interval; `links` replaces the links. `version` is the document " +
          "version you read (stale: 409 `conflict`). A retired document is 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateDocumentInput,
        response: { 200: DocumentView },
      },
    },
    async (request) =>
      updateDocument(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    `${base}/:id/versions/:number`,
    {
      schema: {
        tags,
        summary: "One version of a document, with its text",
        params: VersionParams,
        response: { 200: DocumentVersionView },
      },
    },
    async (request) =>
      getDocumentVersion(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.params.number,
      ),
  );

  app.patch(
    `${base}/:id/versions/:number`,
    {
      schema: {
        tags,
        summary: "Edit the draft's text",
        description:
          "Only a version in `draft` changes (else 409 `invalid_state`). `version` is the document's version. " +
          "Whoever edits a draft may not approve it.",
        params: VersionParams,
        body: EditDraftInput,
        response: { 200: DocumentView },
      },
    },
    async (request) =>
      editDocumentDraft(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.params.number,
        request.body,
      ),
  );

  app.get(
    `${base}/:id/diff`,
    {
      schema: {
        tags,
        summary: "Line diff between two versions",
        params: OrgRecordParams,
        querystring: DocumentDiffQuery,
        response: { 200: DocumentDiffView },
      },
    },
    async (request) =>
      diffDocumentVersions(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: "The change history of a document",
        params: OrgRecordParams,
        querystring: PageQuery,
        response: { 200: AuditEventPage },
      },
    },
    async (request) =>
      listDocumentHistory(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  for (const a of actions)
    app.post(
      `${base}/:id/${a.path}`,
      {
        schema: {
          tags,
          summary: a.summary,
          description: `${a.description} Body: the document \`version\` you read.`,
          params: OrgRecordParams,
          body: a.action === "reject" ? RejectDocumentInput : DocumentActionInput,
          response: { 200: DocumentView },
        },
      },
      async (request) =>
        runDocumentAction(
          ctx,
          await request.actorFor(request.params.orgId),
          request.meta(),
          request.params.id,
          a.action,
          request.body,
        ),
    );
}
