export * from "./org-factories";
