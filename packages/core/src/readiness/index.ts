export * from "./rules";
export * from "./facts";
export { evaluateCheck, evidenceStanding, documentMatches, type CheckOutcome } from "./evaluate-check";
export * from "./evaluate-readiness";
export { iso42001ReadinessRules } from "./iso-iec-42001-2023-rules";
export * from "./readiness-policy";
