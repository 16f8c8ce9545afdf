import "./dataset-link-target";

export * from "./create-dataset";
export * from "./update-dataset";
export * from "./archive-dataset";
export * from "./get-dataset";
export * from "./list-datasets";
