import { z } from "zod";
import { ArchiveInput, Uuid, type Actor } from "@openaims/core";
import type { AppContext, RequestMeta } from "@openaims/app";
import type { ZodApp } from "../deps";

/** `/api/v1/orgs/:orgId/…` */
export const OrgParams = z.object({ orgId: Uuid });
/** `/api/v1/orgs/:orgId/<records>/:id` */
export const OrgRecordParams = z.object({ orgId: Uuid, id: Uuid });
/** `…/versions/:number`: a version number in the path */
export const VersionNumber = z.coerce.number().int().min(1);

/** A use case that changes one record of the caller's organization, given the `version` the caller read. */
export type VersionedRecordAction<View> = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => Promise<View>;

interface ArchiveRestoreStep<View> {
  run: VersionedRecordAction<View>;
  summary: string;
  description?: string;
}

/**
 * `POST {path}/archive` and `POST {path}/restore` (path ends with `/:id`): the body is `{ version }`, the answer
 * the record's view. Archiving hides and freezes a record, restoring brings it back; the use cases decide.
 */
export function archiveRestoreRoutes<S extends z.ZodType>(
  app: ZodApp,
  ctx: AppContext,
  opts: {
    path: string;
    tags: string[];
    view: S;
    archive: ArchiveRestoreStep<z.output<S>>;
    restore: ArchiveRestoreStep<z.output<S>>;
  },
): void {
  // widened: the type provider cannot relate a generic schema to its output (run's type already does)
  const view: z.ZodType = opts.view;
  for (const verb of ["archive", "restore"] as const) {
    const { run, summary, description } = opts[verb];
    app.post(
      `${opts.path}/${verb}`,
      {
        schema: {
          tags: opts.tags,
          summary,
          ...(description ? { description } : {}),
          params: OrgRecordParams,
          body: ArchiveInput,
          response: { 200: view },
        },
      },
      async (request) => {
        const actor = await request.actorFor(request.params.orgId);
        return run(ctx, actor, request.meta(), request.params.id, request.body.version);
      },
    );
  }
}
