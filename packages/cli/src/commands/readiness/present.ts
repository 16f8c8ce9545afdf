import type { ReadinessGroupView, ReadinessNodeView, ReadinessView } from "@openaims/core";
import { table } from "../../output/format";

const statusLabels: Record<ReadinessNodeView["status"], string> = {
  ready: "ready",
  partial: "partial",
  missing: "missing",
  not_applicable: "n/a",
};

const pct = (p: number | null) => (p === null ? "n/a" : `${p}%`);

/** The headline: overall percentage and counts. */
export function readinessHeadline(view: ReadinessView): string {
  const c = view.counts;
  return (
    `ISO/IEC 42001 readiness on ${view.asOf}: ${pct(view.percent)} ` +
    `(clauses ${pct(view.clausesPercent)}, Annex A ${pct(view.annexPercent)}) — ` +
    `${c.ready} ready, ${c.partial} partial, ${c.missing} missing, ${c.notApplicable} not applicable\n`
  );
}

export function groupTable(groups: readonly ReadinessGroupView[]): string {
  return table(groups, [
    { header: "GROUP", value: (g) => g.id },
    { header: "TITLE", value: (g) => g.title, max: 48 },
    { header: "READY", value: (g) => pct(g.percent) },
    { header: "OK", value: (g) => String(g.ready) },
    { header: "PARTIAL", value: (g) => String(g.partial) },
    { header: "MISSING", value: (g) => String(g.missing) },
    { header: "N/A", value: (g) => String(g.notApplicable) },
  ]);
}

/** One line per node: its status and the first thing missing. */
export function nodeTable(nodes: readonly ReadinessNodeView[]): string {
  return table(nodes, [
    { header: "ID", value: (n) => n.nodeId },
    { header: "STATUS", value: (n) => statusLabels[n.status] },
    { header: "TITLE", value: (n) => n.title, max: 40 },
    {
      header: "FIRST GAP",
      value: (n) =>
        n.missing.length === 0
          ? ""
          : n.missing[0]!.text + (n.missing.length > 1 ? ` (+${n.missing.length - 1} more)` : ""),
      max: 90,
    },
  ]);
}

/** Every gap of every node that is not ready, one per line, for a to-do list. */
export function missingList(nodes: readonly ReadinessNodeView[]): string {
  const width = Math.max(0, ...nodes.map((n) => n.nodeId.length));
  return nodes
    .flatMap((n) =>
      n.missing.map((m) => `${n.nodeId.padEnd(width)}  ${statusLabels[n.status].padEnd(7)}  ${m.text}\n`),
    )
    .join("");
}
