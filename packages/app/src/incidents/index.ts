export * from "./report-incident";
export * from "./update-incident";
export * from "./get-incident";
export * from "./list-incidents";
export * from "./log-incident-communication";
