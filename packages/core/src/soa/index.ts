export * from "./vocabulary";
export * from "./soa-policy";
export * from "./soa-entry";
export * from "./applied-control";
export * from "./soa-version";
export * from "./soa-diff";
export * from "./soa-summary";
export * from "./soa-export-columns";
