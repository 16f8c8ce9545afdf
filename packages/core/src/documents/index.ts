export * from "./workflow";
export * from "./review-cycle";
export * from "./line-diff";
export * from "./templates";
export * from "./document-policy";
export * from "./document";
