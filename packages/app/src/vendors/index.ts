export * from "./create-vendor";
export * from "./update-vendor";
export * from "./archive-vendor";
export * from "./get-vendor";
export * from "./list-vendors";
