export * from "./org-factories";
export * from "./command-files";
export * from "./audit";
