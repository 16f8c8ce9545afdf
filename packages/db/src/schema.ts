/**
 * The one Drizzle schema, one file per area under `schema/` (drizzle-kit reads this module and everything it
 * re-exports). Every tenant-owned table carries the `tenant()` columns from `schema/base.ts`.
 */
export * from "./schema/base";
export * from "./schema/access";
export * from "./schema/audit";
export * from "./schema/ai-systems";
export * from "./schema/links";
export * from "./schema/soa";
export * from "./schema/documents";
export * from "./schema/context";
export * from "./schema/tasks";
export * from "./schema/objectives";
export * from "./schema/evidence";
export * from "./schema/measurement";
export * from "./schema/incidents";
export * from "./schema/inventory";
export * from "./schema/vendor-questionnaires";
export * from "./schema/training";
export * from "./schema/impact-assessments";
