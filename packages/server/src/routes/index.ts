import type { ServerDeps, ZodApp } from "../deps";
import { healthRoutes } from "./health";

/** Every route module, registered in one place. */
export async function registerRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  await healthRoutes(app, deps);
}
