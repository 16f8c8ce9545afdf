import type { ServerDeps, ZodApp } from "../deps";
import { healthRoutes } from "./health";
import { aiSystemRoutes } from "./ai-system-routes";
import { aiSystemCsvRoutes } from "./ai-system-csv-routes";
import { auditEventRoutes } from "./audit-event-routes";

/** Every route module, registered in one place. */
export async function registerRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  await healthRoutes(app, deps);
  await aiSystemRoutes(app, deps);
  await aiSystemCsvRoutes(app, deps);
  await auditEventRoutes(app, deps);
}
