import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { buildProgram } from "./program";
import { CommandContext } from "./command-context";
import { CliError, ExitCode } from "./exit-codes";
import { processIo, type Io } from "./io";

/**
 * Runs `aims` with the given arguments (without `node aims`) and returns the exit code. Tests call this
 * in-process with their own io to capture stdout, stderr and the code.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const ctx = new CommandContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return ExitCode.ok;
      // `aims help systems` is help asked for; `aims` or `aims systems` alone shows help as a usage error
      if (e.code === "commander.help" && e.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    if (e instanceof CliError) {
      io.stderr(`error: ${e.message}\n`);
      for (const issue of e.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`error: ${err?.message ?? String(e)}\n`);
    if (io.env.AIMS_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    return ExitCode.failure;
  }
}

/** The process entry: real stdio, and a quiet exit when a pipe reader (e.g. `head`) goes away. */
export async function runProcess(): Promise<void> {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2), processIo());
}

const isEntry = (() => {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();
// `node --import tsx packages/cli/src/main.ts` (npm run aims); bin/aims.mjs calls runProcess itself
if (isEntry) await runProcess();
