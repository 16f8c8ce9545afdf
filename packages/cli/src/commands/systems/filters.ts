import type { Command } from "commander";
import { aiSystemSortKeys, aiTypes, describeIssues, lifecycleStages } from "@openaims/core";
import type { z } from "zod";
import { CliError, ExitCode } from "../../exit-codes";
import type { Query } from "../../http/api-client";

export interface FilterOptions {
  q?: string;
  stage?: string;
  type?: string;
  owner?: string;
  tag?: string;
  archived?: string | boolean;
  sort?: string;
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option("--q <text>", "search name, purpose and description")
    .option("--stage <stage>", `lifecycle stage: ${lifecycleStages.join(", ")}`)
    .option("--type <type>", `AI type: ${aiTypes.join(", ")}`)
    .option("--owner <userId>", "owner's user id")
    .option("--tag <tag>", "has this tag")
    .option(
      "--archived [which]",
      "archived systems: 'true' (only archived; the default when the flag has no value), 'all', or 'false'",
    );
}

export const sortHelp = `sort key, '-' for descending: ${aiSystemSortKeys.filter((k) => !k.startsWith("-")).join(", ")}`;

const flagOfQuery: Record<string, string> = {
  q: "--q",
  lifecycleStage: "--stage",
  aiType: "--type",
  ownerId: "--owner",
  tag: "--tag",
  archived: "--archived",
  sort: "--sort",
  limit: "--limit",
  cursor: "--cursor",
};

/** The query the flags ask for, in the API's names; absent flags are left out. */
export function filterCandidate(opts: FilterOptions): Record<string, string> {
  const candidate = {
    q: opts.q,
    lifecycleStage: opts.stage,
    aiType: opts.type,
    ownerId: opts.owner,
    tag: opts.tag,
    archived: opts.archived === true ? "true" : opts.archived,
    sort: opts.sort,
  };
  return Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}

/** Validated with the server's own query schema, so a typo fails here with the flag named. */
export function validateFilter(schema: z.ZodType, candidate: Record<string, string>): Query {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    throw new CliError(
      ExitCode.usage,
      "Invalid filter.",
      describeIssues(parsed.error).map((i) => ({
        path: flagOfQuery[i.path.split(".")[0] ?? ""] ?? i.path,
        message: i.message,
      })),
    );
  }
  // send only what was given: the server applies the same defaults
  return candidate;
}
