export * from "./types";
export * from "./fairness";
export * from "./input";
export * from "./performance";
export * from "./drift";
export { wilsonInterval, seededRandom } from "./random";
export * from "./policies";
