import { type OrgCreationMode } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { ORG_CREATION_SETTING } from "./instance-settings";

/**
 * Changes who may create organizations. An instance-level setting, changed only locally (CLI with database
 * access), so it belongs to no organization's audit trail; the CLI reports the change.
 */
export async function setOrgCreationMode(ctx: AppContext, mode: OrgCreationMode): Promise<void> {
  await ctx.database.db
    .insert(tables.instanceSettings)
    .values({ key: ORG_CREATION_SETTING, value: mode, updatedAt: ctx.now() })
    .onConflictDoUpdate({ target: tables.instanceSettings.key, set: { value: mode, updatedAt: ctx.now() } });
}
