import "./ai-model-link-target";

export * from "./create-ai-model";
export * from "./update-ai-model";
export * from "./archive-ai-model";
export * from "./get-ai-model";
export * from "./list-ai-models";
