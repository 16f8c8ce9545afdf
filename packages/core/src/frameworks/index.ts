export * from "./framework";
export * from "./registry";
export { iso42001_2023 } from "./iso-iec-42001-2023";
