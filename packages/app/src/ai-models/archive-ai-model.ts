import { aiModelPolicy, decideArchiveAiModel } from "@openaims/core";
import { tables } from "@openaims/db";
import { archiveCommands } from "../shared/archive-row";
import { loadAiModelView, lockAiModel, toAiModelState } from "./ai-model-records";

/** Archiving retires a model from the default list and stops it passing flags on; its links stay. */
const commands = archiveCommands({
  table: tables.aiModels,
  lock: lockAiModel,
  policy: aiModelPolicy,
  decide: (current, version, archive) => decideArchiveAiModel(toAiModelState(current), version, archive),
  load: (tx, actor, id) => loadAiModelView(tx, actor, id),
});

export const archiveAiModel = commands.archive;
export const restoreAiModel = commands.restore;
