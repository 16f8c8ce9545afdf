export * from "./training-status";
export * from "./training-coverage";
export * from "./training-policy";
export * from "./training";
