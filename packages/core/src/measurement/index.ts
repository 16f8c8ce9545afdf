export * from "./types";
export * from "./fairness";
