export * from "./test-server";
export * from "./factories";
export * from "./ai-system-factories";
