export * from "./org-factories";
export * from "./command-files";
