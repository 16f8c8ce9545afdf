export * from "./report-concern";
export * from "./update-concern";
export * from "./get-concern";
export * from "./list-concerns";
