export * from "./vocabulary";
export * from "./templates";
export * from "./schemas";
export * from "./rules";
export * from "./policy";
export * from "./assessment";
export * from "./version-diff";
