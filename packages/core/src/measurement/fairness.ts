import type { FairnessAccumulator, FairnessOptions } from "./types";

export function createFairnessAccumulator(options: FairnessOptions): FairnessAccumulator {
  void options;
  throw new Error("createFairnessAccumulator: not implemented yet");
}
