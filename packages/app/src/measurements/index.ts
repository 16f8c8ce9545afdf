export * from "./measurement-policies";
export * from "./measurement-runs-query";
export {
  evidenceNodesOf,
  recordMeasurementRun,
  type KeptFile,
  type RecordRunOptions,
} from "./record-measurement-run";
export * from "./table-rows";
export * from "./measure-table";
export * from "./upload-measurement-run";
