import { Command } from "commander";
import type { CommandContext } from "./command-context";
import { exitCodeHelp } from "./exit-codes";
import { registerAuthCommands } from "./commands/auth/register";
import { registerSystemsCommands } from "./commands/systems/register";
import { registerAuditCommands } from "./commands/audit/register";
import { registerDbCommands } from "./commands/db/register";
import { registerAdminCommands } from "./commands/admin/register";
import { registerFrameworksCommands } from "./commands/frameworks/register";
import { registerEvidenceCommands } from "./commands/evidence/register";
import { registerScopeCommands } from "./commands/scope/register";
import { registerRaciCommands } from "./commands/raci/register";
import { registerReadiness } from "./commands/readiness/show";
import { registerTasksCommands } from "./commands/tasks/register";
import { registerDocumentsCommands } from "./commands/documents/register";
import { registerObjectivesCommands } from "./commands/objectives/register";
import { registerModelsCommands } from "./commands/models/register";
import { registerDatasetsCommands } from "./commands/datasets/register";
import { registerVendorsCommands } from "./commands/vendors/register";
import { registerTrainingCommands } from "./commands/training/register";
import { registerIncidentsCommands } from "./commands/incidents/register";
import { registerImpactAssessmentsCommands } from "./commands/impact-assessments/register";
import { registerSoaCommands } from "./commands/soa/register";
import { registerControlsCommands } from "./commands/controls/register";
import { registerClassify } from "./commands/classify/classify";
import { registerMeasureCommands } from "./commands/measure/register";

const VERSION = "0.1.0";

/** The whole `aims` command tree; built fresh per run so in-process runs share no state. */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command("aims")
    .description(
      "OpenAIMS from the command line: the AI system register, the audit trail, and local administration.",
    )
    .version(VERSION, "-V, --version")
    .option("--profile <name>", "the saved profile to use (default: $OPENAIMS_PROFILE or 'default')")
    .showHelpAfterError("(run with --help for usage)")
    // program options only before the command, so a command's own --version (a record version) is its own
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    })
    .addHelpText(
      "after",
      `
Environment:
  OPENAIMS_URL, OPENAIMS_TOKEN, OPENAIMS_ORG   override the profile's server, API token and organization
  OPENAIMS_PROFILE                             the profile to use when --profile is not given
  OPENAIMS_CONFIG_DIR                          where profiles are kept (default ~/.config/openaims)
  DATABASE_URL, OPENAIMS_DATA_DIR              the database for 'aims db' and 'aims admin' (local commands)

${exitCodeHelp}

Examples:
  aims login --url http://localhost:8080 --token oa_…
  aims systems list --stage deployed
  aims systems export --out systems.csv && aims systems import systems.csv --dry-run
  aims audit verify || echo "audit trail broken"

Docs: docs/cli.md`,
    );
  registerAuthCommands(program, ctx);
  registerSystemsCommands(program, ctx);
  registerAuditCommands(program, ctx);
  registerFrameworksCommands(program, ctx);
  registerEvidenceCommands(program, ctx);
  registerScopeCommands(program, ctx);
  registerRaciCommands(program, ctx);
  registerReadiness(program, ctx);
  registerTasksCommands(program, ctx);
  registerDocumentsCommands(program, ctx);
  registerObjectivesCommands(program, ctx);
  registerModelsCommands(program, ctx);
  registerDatasetsCommands(program, ctx);
  registerVendorsCommands(program, ctx);
  registerTrainingCommands(program, ctx);
  registerIncidentsCommands(program, ctx);
  registerImpactAssessmentsCommands(program, ctx);
  registerSoaCommands(program, ctx);
  registerControlsCommands(program, ctx);
  registerClassify(program, ctx);
  registerMeasureCommands(program, ctx);
  registerDbCommands(program, ctx);
  registerAdminCommands(program, ctx);
  for (const group of program.commands) addProfileOption(group);
  return program;
}

const LOCAL_GROUPS = new Set(["db", "admin", "measure", "classify"]);

/** `--profile` is accepted after the command too (`aims systems list --profile prod`), except for local ones. */
function addProfileOption(cmd: Command) {
  if (LOCAL_GROUPS.has(cmd.name())) return;
  if (cmd.commands.length > 0) return cmd.commands.forEach(addProfileOption);
  cmd.option("--profile <name>", "the saved profile to use");
}
