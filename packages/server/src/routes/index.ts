import type { ServerDeps, ZodApp } from "../deps";
import { healthRoutes } from "./health";
import { aiSystemRoutes } from "./ai-system-routes";
import { aiSystemCsvRoutes } from "./ai-system-csv-routes";
import { auditEventRoutes } from "./audit-event-routes";
import { authRoutes } from "./auth-routes";
import { orgRoutes } from "./org-routes";
import { memberRoutes } from "./member-routes";
import { invitationRoutes } from "./invitation-routes";
import { roleRoutes } from "./role-routes";
import { apiTokenRoutes } from "./api-token-routes";
import { adminRoutes } from "./admin-routes";
import { frameworkRoutes } from "./framework-routes";
import { contextRoutes } from "./context-routes";
import { scopeRoutes } from "./scope-routes";
import { raciRoutes } from "./raci-routes";
import { readinessRoutes } from "./readiness-routes";
import { evidenceRoutes } from "./evidence-routes";
import { documentRoutes } from "./document-routes";
import { taskRoutes } from "./task-routes";
import { objectiveRoutes } from "./objective-routes";
import { concernRoutes } from "./concern-routes";
import { soaRoutes } from "./soa-routes";

/** Every route module, registered in one place. */
export async function registerRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  await healthRoutes(app, deps);
  await aiSystemRoutes(app, deps);
  await aiSystemCsvRoutes(app, deps);
  await auditEventRoutes(app, deps);
  await authRoutes(app, deps);
  await orgRoutes(app, deps);
  await memberRoutes(app, deps);
  await invitationRoutes(app, deps);
  await roleRoutes(app, deps);
  await apiTokenRoutes(app, deps);
  await adminRoutes(app, deps);
  await frameworkRoutes(app, deps);
  await contextRoutes(app, deps);
  await scopeRoutes(app, deps);
  await raciRoutes(app, deps);
  await readinessRoutes(app, deps);
  await evidenceRoutes(app, deps);
  await documentRoutes(app, deps);
  await taskRoutes(app, deps);
  await objectiveRoutes(app, deps);
  await concernRoutes(app, deps);
  await soaRoutes(app, deps);
}
