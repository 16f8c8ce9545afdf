import { z } from "zod";
import {
  AppliedControlListQuery,
  AppliedControlPage,
  AppliedControlView,
  CreateAppliedControlInput,
  CreateSoaVersionInput,
  DecideSoaVersionInput,
  PageQuery,
  SoaDiff,
  SoaDiffQuery,
  SoaEntryView,
  SoaExportQuery,
  SoaVersionPage,
  SoaVersionSummary,
  SoaVersionView,
  SoaView,
  UpdateAppliedControlInput,
  UpdateSoaEntryInput,
  Uuid,
} from "@openaims/core";
import {
  approveSoaVersion,
  archiveAppliedControl,
  createAppliedControl,
  createSoaVersion,
  diffSoaVersions,
  exportSoa,
  getAppliedControl,
  getSoa,
  getSoaVersion,
  listAppliedControls,
  listSoaVersions,
  rejectSoaVersion,
  restoreAppliedControl,
  updateAppliedControl,
  updateSoaEntry,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams, VersionNumber } from "./route-kit";

const EntryParams = z.object({
  orgId: Uuid,
  controlId: z
    .string()
    .min(1)
    .max(100)
    .describe("an Annex A id such as `A.2.2`, or an additional control's id"),
});
const VersionParams = OrgParams.extend({ number: VersionNumber });
const soaTags = ["soa"];
const controlTags = ["applied-controls"];
const soa = "/api/v1/orgs/:orgId/soa";
const controls = "/api/v1/orgs/:orgId/applied-controls";

/** The Statement of Applicability (6.1.3) and the applied controls behind it. */
export async function soaRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    soa,
    {
      schema: {
        tags: soaTags,
        summary: "The SoA as it stands",
        description:
          "One entry per Annex A control of ISO/IEC 42001 (38) and per live applied control marked `additional`. " +
          "An entry nobody has edited is undecided (`applicable: null`, `version: 0`). Evidence and documents are " +
          "those linked to the control's framework node, to the entry, or to an applied control linked to it.",
        params: OrgParams,
        response: { 200: SoaView },
      },
    },
    async (request) => getSoa(ctx, await request.actorFor(request.params.orgId)),
  );

  app.patch(
    `${soa}/entries/:controlId`,
    {
      schema: {
        tags: soaTags,
        summary: "Edit one SoA entry",
        description:
          "`version` is the entry's version you read (0 for an untouched entry; stale → 409). Once `applicable` " +
          "is true or false a `justification` is required; `implementationStatus` is `not_applicable` exactly " +
          "when `applicable` is false (it follows automatically when not sent). `appliedControlIds` (Annex A " +
          "entries) replaces the applied controls linked to the control.",
        params: EntryParams,
        body: UpdateSoaEntryInput,
        response: { 200: SoaEntryView },
      },
    },
    async (request) =>
      updateSoaEntry(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.controlId,
        request.body,
      ),
  );

  app.get(
    `${soa}/export`,
    {
      schema: {
        tags: soaTags,
        summary: "Export the SoA as CSV or XLSX",
        description: "The working state, or with `version` that frozen version. One row per control.",
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        params: OrgParams,
        querystring: SoaExportQuery,
        response: { 200: z.string().describe("CSV text or an XLSX file") },
      },
    },
    async (request, reply) => {
      const file = await exportSoa(ctx, await request.actorFor(request.params.orgId), request.query);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.body as unknown as string);
    },
  );

  app.get(
    `${soa}/versions`,
    {
      schema: {
        tags: soaTags,
        summary: "SoA versions, newest first",
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: SoaVersionPage },
      },
    },
    async (request) => listSoaVersions(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    `${soa}/versions`,
    {
      schema: {
        tags: soaTags,
        summary: "Freeze the SoA into a new version (in review)",
        description:
          "The snapshot (every entry with its evidence and documents) never changes afterwards. Only one version " +
          "may be in review at a time (409 `invalid_state`).",
        params: OrgParams,
        body: CreateSoaVersionInput,
        response: { 201: SoaVersionView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createSoaVersion(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${soa}/versions/:number`,
    {
      schema: {
        tags: soaTags,
        summary: "One frozen SoA version",
        params: VersionParams,
        response: { 200: SoaVersionView },
      },
    },
    async (request) =>
      getSoaVersion(ctx, await request.actorFor(request.params.orgId), request.params.number),
  );

  app.get(
    `${soa}/versions/:number/diff`,
    {
      schema: {
        tags: soaTags,
        summary: "What changed between two SoA versions",
        description: "From version `against` to version `number`: controls added, removed and changed.",
        params: VersionParams,
        querystring: SoaDiffQuery,
        response: { 200: SoaDiff },
      },
    },
    async (request) =>
      diffSoaVersions(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.number,
        request.query.against,
      ),
  );

  for (const [verb, run, text] of [
    [
      "approve",
      approveSoaVersion,
      "Needs `soa.approve`, and the approver must not be the version's creator (403, `details.rule: four_eyes`). " +
        "The previously approved version becomes superseded.",
    ],
    ["reject", rejectSoaVersion, "Needs `soa.approve`; the creator may reject (withdraw) their own version."],
  ] as const)
    app.post(
      `${soa}/versions/:number/${verb}`,
      {
        schema: {
          tags: soaTags,
          summary: `${verb === "approve" ? "Approve" : "Reject"} a SoA version in review`,
          description: `${text} A version not in review is 409 \`invalid_state\`; a stale \`version\` is 409 \`conflict\`.`,
          params: VersionParams,
          body: DecideSoaVersionInput,
          response: { 200: SoaVersionSummary },
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
    controls,
    {
      schema: {
        tags: controlTags,
        summary: "List applied controls",
        description:
          "By name; `q` searches name and description, `node` keeps those linked to a framework node (`A.2.2`).",
        params: OrgParams,
        querystring: AppliedControlListQuery,
        response: { 200: AppliedControlPage },
      },
    },
    async (request) => listAppliedControls(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    controls,
    {
      schema: {
        tags: controlTags,
        summary: "Create an applied control",
        description:
          "`links` name what it implements (framework nodes such as `A.6.2.4`, systems, documents). " +
          "`additional: true` lists it in the SoA as one of the organization's additional controls.",
        params: OrgParams,
        body: CreateAppliedControlInput,
        response: { 201: AppliedControlView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createAppliedControl(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${controls}/:id`,
    {
      schema: {
        tags: controlTags,
        summary: "An applied control",
        params: OrgRecordParams,
        response: { 200: AppliedControlView },
      },
    },
    async (request) =>
      getAppliedControl(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${controls}/:id`,
    {
      schema: {
        tags: controlTags,
        summary: "Change an applied control",
        description: "Only the fields sent change; `links` replaces the whole set. Stale `version` → 409.",
        params: OrgRecordParams,
        body: UpdateAppliedControlInput,
        response: { 200: AppliedControlView },
      },
    },
    async (request) =>
      updateAppliedControl(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  archiveRestoreRoutes(app, ctx, {
    path: `${controls}/:id`,
    tags: controlTags,
    view: AppliedControlView,
    archive: {
      run: archiveAppliedControl,
      summary: "Archive an applied control",
      description:
        "It leaves the working SoA (and stops counting for the controls it implements); nothing is deleted.",
    },
    restore: {
      run: restoreAppliedControl,
      summary: "Restore an applied control",
      description: "It counts again for the controls it is linked to.",
    },
  });
}
