import { aiModelPolicy, decideArchiveDataset } from "@openaims/core";
import { tables } from "@openaims/db";
import { archiveCommands } from "../shared/archive-row";
import { loadDatasetView, lockDataset, toDatasetState } from "./dataset-records";

/** Archiving retires a dataset from the default list and stops it passing flags on; its links stay. */
const commands = archiveCommands({
  table: tables.datasets,
  lock: lockDataset,
  policy: aiModelPolicy,
  decide: (current, version, archive) => decideArchiveDataset(toDatasetState(current), version, archive),
  load: (tx, actor, id) => loadDatasetView(tx, actor, id),
});

export const archiveDataset = commands.archive;
export const restoreDataset = commands.restore;
