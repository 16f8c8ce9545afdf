import { inventoryRecordRules, type InventoryRecordState } from "../shared/inventory-record-rules";
import { datasetFieldNames, type DatasetFields } from "../schemas/datasets";

/** Datasets share the AI model policy (`aiModelPolicy`): read with `ai_system.read`, write with `ai_system.update`. */
export type DatasetState = DatasetFields & InventoryRecordState;

const rules = inventoryRecordRules<DatasetFields, DatasetState>({
  kind: "dataset",
  noun: "dataset",
  fieldNames: datasetFieldNames,
});
export const decideCreateDataset = rules.decideCreate;
export const decideUpdateDataset = rules.decideUpdate;
export const datasetUpdatedEvent = rules.updatedEvent;
export const decideArchiveDataset = rules.decideArchive;
