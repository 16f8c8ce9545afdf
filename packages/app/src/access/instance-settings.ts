import { eq } from "drizzle-orm";
import { defaultOrgCreationMode, isOrgCreationMode, type OrgCreationMode } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

export const ORG_CREATION_SETTING = "org_creation";

/** The instance setting `org_creation`; an unset or unreadable value falls back to the safe default. */
export async function getOrgCreationMode(db: Executor): Promise<OrgCreationMode> {
  const [row] = await db
    .select({ value: tables.instanceSettings.value })
    .from(tables.instanceSettings)
    .where(eq(tables.instanceSettings.key, ORG_CREATION_SETTING));
  return isOrgCreationMode(row?.value) ? row.value : defaultOrgCreationMode;
}
