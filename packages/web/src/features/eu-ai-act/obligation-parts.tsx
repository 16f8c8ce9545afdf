import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";
import { obligationTimeline, type ObligationStatus } from "@openaims/core";
import type { SystemObligationView } from "../../api";
import { Badge } from "../../components/badge";

export const obligationStatusLabel: Record<ObligationStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  met: "Met",
  not_applicable: "Not applicable",
};
export const obligationStatusTone = {
  open: "amber",
  in_progress: "blue",
  met: "green",
  not_applicable: "neutral",
} as const;

/** The UTC day, the calendar the server computes `overdue` with. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/** Counts as a short phrase: "3 open · 1 overdue · 2 met". */
export function CountsLine({ pending, overdue, met }: { pending: number; overdue: number; met: number }) {
  return (
    <span className="text-xs text-slate-700">
      {pending} open ·{" "}
      {overdue > 0 ? <span className="font-semibold text-red-800">{overdue} overdue</span> : "0 overdue"} ·{" "}
      {met} met
    </span>
  );
}

/** What applies when: obligations grouped by the date they apply from (core `obligationTimeline`), counted. */
export function ObligationTimeline<T extends SystemObligationView>({
  items,
  renderItem,
}: {
  items: readonly T[];
  renderItem: (o: T) => ReactNode;
}) {
  const groups = obligationTimeline(items, utcToday());
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
      {groups.map((g) => (
        <li key={g.appliesFrom}>
          <h3 className="flex flex-wrap items-baseline gap-x-3 text-sm font-semibold text-slate-900">
            <span>
              {g.inForce ? "Applies since" : "Applies from"}{" "}
              <time dateTime={g.appliesFrom}>{g.appliesFrom}</time>
            </span>
            <CountsLine pending={g.pending} overdue={g.overdue} met={g.met} />
          </h3>
          <ul className="mt-2 space-y-2">{g.items.map(renderItem)}</ul>
        </li>
      ))}
    </ol>
  );
}

/** The evidence and documents linked to an obligation, each a link to its page. */
export function ObligationLinks({ orgId, links }: { orgId: string; links: SystemObligationView["links"] }) {
  if (links.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" aria-label="Linked evidence and documents">
      {links.map((l) => (
        <li
          key={`${l.type}|${l.id}`}
          className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-900"
        >
          <span className="text-slate-600">{l.type === "evidence" ? "Evidence" : "Document"}:</span>{" "}
          {l.type === "evidence" ? (
            <Link
              to="/orgs/$orgId/evidence/$evidenceId"
              params={{ orgId, evidenceId: l.id }}
              className="text-blue-800 underline"
            >
              {l.label}
            </Link>
          ) : (
            <Link
              to="/orgs/$orgId/documents/$documentId"
              params={{ orgId, documentId: l.id }}
              className="text-blue-800 underline"
            >
              {l.label}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Overdue" next to an obligation still open after its due date. */
export const OverdueBadge = ({ o }: { o: Pick<SystemObligationView, "overdue"> }) =>
  o.overdue ? <Badge tone="red">Overdue</Badge> : null;
