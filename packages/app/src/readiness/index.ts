export * from "./get-readiness";
export * from "./load-readiness-facts";
