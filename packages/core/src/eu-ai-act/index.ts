export * from "./rules";
export * from "./registry";
export * from "./answer-issues";
export * from "./classify-ai-system";
export { euAiAct2024_1689Amended2026_1744 } from "./eu-ai-act-2024-1689-amended-2026-1744";
export * from "./obligation-sync";
export * from "./obligation-timeline";
