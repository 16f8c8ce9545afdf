export * from "./measurement-policies";
export * from "./measurement-runs-query";
export { evidenceNodesOf, recordMeasurementRun, type RecordRunOptions } from "./record-measurement-run";
