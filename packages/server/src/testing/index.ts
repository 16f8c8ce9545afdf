export * from "./test-server";
export * from "./factories";
export * from "./sign-in";
export * from "./audit-events";
export * from "./ai-system-factories";
export * from "./separate-detail-route";
