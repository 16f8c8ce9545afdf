export * from "./shared/context";
export * from "./shared/run-command";
export * from "./shared/tokens";
export * from "./shared/cursor";
export * from "./shared/passwords";
export * from "./access/role-grant";
export * from "./access/authenticate";
export * from "./access/bootstrap-instance";
