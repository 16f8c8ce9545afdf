export * from "./create-task";
export * from "./update-task";
export * from "./get-task";
export * from "./list-tasks";
export * from "./task-summary";
export * from "./generate-tasks";
