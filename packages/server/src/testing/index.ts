export * from "./test-server";
export * from "./factories";
