import {
  IncidentDetailView,
  IncidentListQuery,
  IncidentPage,
  IncidentView,
  LogIncidentCommunicationInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from "@openaims/core";
import {
  getIncident,
  listIncidents,
  logIncidentCommunication,
  reportIncident,
  updateIncident,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["incidents"];
const base = "/api/v1/orgs/:orgId/incidents";

/** AI incidents (A.8.4; EU AI Act Art. 73): see docs/incidents.md. */
export async function incidentRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Report an AI incident",
        description:
          "`incident.write`. Records what happened, the awareness date (the regulatory clocks start there), the harm, " +
          "severity, the Art. 3(49) answers and the AI systems involved (`aiSystemIds`, another org's → 400).",
        params: OrgParams,
        body: ReportIncidentInput,
        response: { 201: IncidentView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await reportIncident(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List AI incidents",
        description: "Newest first, each with its clocks and days left. `open=true`: not resolved or closed.",
        params: OrgParams,
        querystring: IncidentListQuery,
        response: { 200: IncidentPage },
      },
    },
    async (request) => listIncidents(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "An AI incident with its deadlines and communication log",
        description:
          "`deadlines: [{ kind, dueAt, basis, daysLeft, … }]` are computed from `becameAwareOn` in calendar days " +
          "(the awareness day is day 0) using the current EU AI Act rule data; empty unless the incident is serious.",
        params: OrgRecordParams,
        response: { 200: IncidentDetailView },
      },
    },
    async (request) => getIncident(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Edit an AI incident or move it along",
        description:
          "reported → investigating → contained → resolved → closed (containment optional; resolved/closed can be " +
          "reopened as investigating). Resolving or closing needs a `resolution`. A closed incident is not edited " +
          "unless reopened. Stale `version` → 409.",
        params: OrgRecordParams,
        body: UpdateIncidentInput,
        response: { 200: IncidentView },
      },
    },
    async (request) =>
      updateIncident(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${base}/:id/communications`,
    {
      schema: {
        tags,
        summary: "Log a communication about an AI incident",
        description:
          "Append-only log: to the provider, an authority, affected people or customers, when and a summary; the " +
          "member logging it is recorded. A communication to the authority (provider) or provider (deployer) marks " +
          "the matching clock as met.",
        params: OrgRecordParams,
        body: LogIncidentCommunicationInput,
        response: { 201: IncidentDetailView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await logIncidentCommunication(ctx, actor, request.meta(), request.params.id, request.body));
    },
  );
}
