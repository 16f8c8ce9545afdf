export * from "./spec";
export * from "./read";
