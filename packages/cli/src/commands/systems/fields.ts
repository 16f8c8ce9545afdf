import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { Command } from "commander";
import { aiRoles, aiTypes, lifecycleStages, describeIssues, type FieldIssue } from "@openaims/core";
import type { z } from "zod";
import { CliError, ExitCode, usageError } from "../../exit-codes";

/** One command-line flag per editable AI system field; lists are comma-separated. */
const fieldFlags = [
  { flag: "--name <name>", field: "name", help: "name (required to create)" },
  { flag: "--purpose <text>", field: "purpose", help: "intended purpose" },
  { flag: "--description <text>", field: "description", help: "description" },
  { flag: "--owner <userId>", field: "ownerId", help: "owner's user id; 'none' clears it" },
  { flag: "--business-unit <name>", field: "businessUnit", help: "business unit" },
  {
    flag: "--stage <stage>",
    field: "lifecycleStage",
    help: `lifecycle stage: ${lifecycleStages.join(", ")}`,
  },
  { flag: "--type <type>", field: "aiType", help: `AI type: ${aiTypes.join(", ")}` },
  {
    flag: "--roles <list>",
    field: "aiRoles",
    list: true,
    help: `our AI roles, comma-separated: ${aiRoles.join(", ")}`,
  },
  { flag: "--deployment-context <text>", field: "deploymentContext", help: "where and how it is deployed" },
  {
    flag: "--geographies <list>",
    field: "geographies",
    list: true,
    help: "countries or regions, comma-separated",
  },
  {
    flag: "--stakeholders <list>",
    field: "affectedStakeholders",
    list: true,
    help: "affected stakeholders, comma-separated",
  },
  { flag: "--human-oversight <text>", field: "humanOversight", help: "human oversight measures" },
  { flag: "--tags <list>", field: "tags", list: true, help: "tags, comma-separated" },
] as const;

const optionKey = (flag: string) =>
  flag
    .split(" ")[0]!
    .replace(/^--/, "")
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function addFieldOptions(cmd: Command): Command {
  for (const f of fieldFlags) cmd.option(f.flag, f.help);
  return cmd.option("--file <path>", "read the fields from a JSON or YAML file (flags override it)");
}

const splitList = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export interface CollectedFields {
  input: Record<string, unknown>;
  /** field name → the flag it came from, so errors name what the user typed */
  flagOf: Map<string, string>;
}

/** The fields given in --file and as flags; flags win. */
export async function collectFields(opts: Record<string, unknown>, cwd: string): Promise<CollectedFields> {
  const input: Record<string, unknown> = opts.file ? await readFieldsFile(String(opts.file), cwd) : {};
  const flagOf = new Map<string, string>();
  for (const f of fieldFlags) {
    const raw = opts[optionKey(f.flag)];
    if (raw === undefined) continue;
    const value = String(raw);
    flagOf.set(f.field, f.flag.split(" ")[0]!);
    if (f.field === "ownerId") input.ownerId = value === "none" || value === "" ? null : value;
    else input[f.field] = "list" in f && f.list ? splitList(value) : value;
  }
  return { input, flagOf };
}

async function readFieldsFile(path: string, cwd: string): Promise<Record<string, unknown>> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw usageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    if ([".yaml", ".yml"].includes(extname(file).toLowerCase())) {
      const YAML = await import("yaml").catch(() => {
        throw usageError("Reading YAML needs the 'yaml' package (npm install yaml); or use a JSON file.");
      });
      data = YAML.parse(text);
    } else {
      data = JSON.parse(text);
    }
  } catch (e) {
    throw usageError(
      `${path} is not valid ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"}: ${(e as Error).message}`,
    );
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw usageError(`${path} must contain one object with the AI system's fields.`);
  }
  return data as Record<string, unknown>;
}

/** Validates with the server's own schema; issues name the flag when the value came from one. */
export function validateWith<S extends z.ZodType>(schema: S, fields: CollectedFields): z.output<S> {
  const parsed = schema.safeParse(fields.input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = describeIssues(parsed.error).map((i) => {
    const [head = "", ...rest] = i.path.split(".");
    const flag = fields.flagOf.get(head);
    const message = /received undefined$/.test(i.message) ? "is required" : i.message;
    return { path: flag ? [flag, ...rest].join(".") : i.path, message };
  });
  throw new CliError(ExitCode.usage, "The AI system is not valid; nothing was sent.", issues);
}
