export * from "./spec";
export * from "./read";
export * from "./columns";
export * from "./csv";
