export * from "./client";
export * from "./types";
export * from "./endpoints";
export * from "./frameworks";
export * from "./tasks";
export * from "./documents";
export * from "./readiness";
