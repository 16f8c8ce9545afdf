import "./objective-link-target";

export * from "./create-objective";
export * from "./update-objective";
export * from "./archive-objective";
export * from "./get-objective";
export * from "./list-objectives";
export * from "./add-objective-progress";
export * from "./list-objective-progress";
