import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerMeasureFairness } from "./fairness";
import { registerMeasurePerformance } from "./performance";
import { registerMeasureDrift } from "./drift";

export function registerMeasureCommands(program: Command, ctx: CommandContext) {
  const measure = program
    .command("measure")
    .summary("measure fairness, performance and drift from data files (local, no server needed)")
    .description(
      "Computes measurements from a prediction file (CSV or JSON Lines), streamed. Runs without a server, so it\n" +
        "fits a CI pipeline: --json prints the whole result; exit 2 on bad input. Docs: docs/measurement.md.",
    );
  registerMeasureFairness(measure, ctx);
  registerMeasurePerformance(measure, ctx);
  registerMeasureDrift(measure, ctx);
}
