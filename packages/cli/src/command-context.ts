import type { Command } from "commander";
import type { FieldIssue } from "@openaims/core";
import { ExitCode } from "./exit-codes";
import type { Io } from "./io";
import { openSession, type Session } from "./http/session";

/** What every command gets: the io, the selected profile, and a place to leave its exit code. */
export class CommandContext {
  exitCode: ExitCode = ExitCode.ok;
  constructor(readonly io: Io) {}

  out(text: string) {
    this.io.stdout(text);
  }
  /** notes for people (progress, hints): stderr, so stdout stays clean for pipes */
  note(text: string) {
    this.io.stderr(text.endsWith("\n") ? text : `${text}\n`);
  }
  printIssues(issues: readonly FieldIssue[]) {
    for (const i of issues) this.io.stderr(`  ${i.path}: ${i.message}\n`);
  }

  /** `--profile` after the command wins over one before it */
  profileOption(cmd: Command): string | undefined {
    let profile: string | undefined;
    for (let c: Command | null = cmd; c && profile === undefined; c = c.parent) {
      profile = (c.opts() as { profile?: string }).profile;
    }
    return profile;
  }
  session(cmd: Command): Promise<Session> {
    return openSession(this.io, this.profileOption(cmd));
  }

  /** Wraps an action so its returned exit code is kept; thrown CliErrors are printed by `run`. */
  action<A extends unknown[]>(fn: (...args: A) => Promise<ExitCode | void>) {
    return async (...args: A) => {
      this.exitCode = (await fn(...args)) ?? ExitCode.ok;
    };
  }
}

/** The last argument commander passes to an action is the command itself. */
export const commandOf = (args: unknown[]) => args[args.length - 1] as Command;
