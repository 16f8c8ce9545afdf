import { Option, type Command } from "commander";
import {
  appliedControlCategories,
  appliedControlStatuses,
  CreateAppliedControlInput,
  describeIssues,
  parseFrameworkNodeRef,
  type AppliedControlPage,
  type AppliedControlView,
  type LinkTarget,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { keyValues, printJson, table } from "../../output/format";
import { collect, linkArg } from "../evidence/present";

function controlDetails(c: AppliedControlView): string {
  return keyValues([
    ["Id", c.id],
    ["Name", c.name],
    ["Category", c.category],
    ["Status", c.status],
    ["Owner", c.ownerName ?? ""],
    ["Additional", c.additional ? "yes (listed in the SoA)" : "no"],
    ["Implements", c.links.map((l) => l.label).join("\n")],
    ["Description", c.description],
  ]);
}

export function registerControlsCommands(program: Command, ctx: CommandContext) {
  const controls = program
    .command("controls")
    .summary("applied controls, the organization's own measures: list, create")
    .description(
      "What the organization actually does; one applied control can implement many framework controls.",
    );

  controls
    .command("list")
    .summary("list applied controls by name")
    .option("--q <text>", "search name and description")
    .addOption(
      new Option("--category <category>", "only this category").choices([...appliedControlCategories]),
    )
    .option("--node <node>", "only those implementing this framework node, e.g. A.6.2.4")
    .option("--additional", "only additional controls (listed in the SoA)")
    .addOption(
      new Option("--archived <which>", "false, true or all")
        .choices(["false", "true", "all"])
        .default("false"),
    )
    .option("--json", "print the raw JSON (all pages' items)")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath("/applied-controls");
        const query: Record<string, string> = { limit: "200", archived: String(opts.archived) };
        if (opts.q) query.q = String(opts.q);
        if (opts.category) query.category = String(opts.category);
        if (opts.node) query.node = String(opts.node);
        if (opts.additional) query.additional = "true";
        const items: AppliedControlView[] = [];
        let cursor: string | null = null;
        do {
          const page: AppliedControlPage = await session.client.json<AppliedControlPage>("GET", path, {
            query: cursor ? { ...query, cursor } : query,
          });
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        if (opts.json) return ctx.out(printJson(items));
        if (items.length === 0) return ctx.out("No applied controls.\n");
        ctx.out(
          table(items, [
            { header: "ID", value: (c) => c.id },
            { header: "NAME", value: (c) => c.name, max: 40 },
            { header: "CATEGORY", value: (c) => c.category },
            { header: "STATUS", value: (c) => c.status },
            {
              header: "IMPLEMENTS",
              value: (c) =>
                c.links
                  .filter((l) => l.type === "framework_node")
                  .map((l) => parseFrameworkNodeRef(l.id).nodeId)
                  .join(", "),
              max: 40,
            },
          ]),
        );
      }),
    );

  controls
    .command("create")
    .summary("create an applied control")
    .requiredOption("--name <text>", "name")
    .option("--description <text>", "what it is and how it works")
    .addOption(new Option("--category <category>", "category").choices([...appliedControlCategories]))
    .addOption(new Option("--status <status>", "implementation status").choices([...appliedControlStatuses]))
    .option("--owner <userId>", "the owner's user id")
    .option("--additional", "list it in the SoA as an additional control")
    .option(
      "--link <node>",
      "a framework node it implements, e.g. A.6.2.4 (repeatable; or type:id)",
      collect,
      [],
    )
    .option("--json", "print the created control as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  aims controls create --name 'Release checklist' --category process --link A.6.2.4 --link A.6.2.5",
    )
    .action(
      ctx.action(async (opts: Record<string, unknown> & { link: string[] }, ...rest: unknown[]) => {
        const links: LinkTarget[] = opts.link.map((raw) => {
          const value = linkArg(raw);
          const at = value.indexOf(":");
          return { type: value.slice(0, at), id: value.slice(at + 1) } as LinkTarget;
        });
        const input: Record<string, unknown> = { name: opts.name, links };
        if (opts.description !== undefined) input.description = opts.description;
        if (opts.category) input.category = opts.category;
        if (opts.status) input.status = opts.status;
        if (opts.owner) input.ownerId = opts.owner;
        if (opts.additional) input.additional = true;
        const parsed = CreateAppliedControlInput.safeParse(input);
        if (!parsed.success)
          throw usageError(
            "The applied control is not valid; nothing was sent.",
            describeIssues(parsed.error),
          );
        const session = await ctx.session(commandOf(rest));
        const c = await session.client.json<AppliedControlView>(
          "POST",
          await session.orgPath("/applied-controls"),
          {
            json: parsed.data,
          },
        );
        if (opts.json) return ctx.out(printJson(c));
        ctx.out(`Created applied control ${c.id}.\n${controlDetails(c)}`);
      }),
    );
}
