import { objectiveStatusLabels, type ObjectiveStatus, type ObjectiveSummaryView } from "@openaims/core";
import clsx from "clsx";
import { Badge } from "../../components/badge";

const tone: Record<ObjectiveStatus, "neutral" | "blue" | "green" | "amber" | "red"> = {
  not_started: "neutral",
  on_track: "blue",
  at_risk: "amber",
  off_track: "red",
  achieved: "green",
  missed: "red",
};

export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus }) {
  return <Badge tone={tone[status]}>{objectiveStatusLabels[status]}</Badge>;
}

const barColor: Record<ObjectiveStatus, string> = {
  not_started: "bg-slate-400",
  on_track: "bg-blue-600",
  at_risk: "bg-amber-500",
  off_track: "bg-red-600",
  achieved: "bg-green-600",
  missed: "bg-red-600",
};

/** How much of the way from start to target the latest value has come. */
export function ObjectiveProgressBar({ objective }: { objective: ObjectiveSummaryView }) {
  const pct = objective.percent ?? 0;
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={`${objective.title}: progress towards the target`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-28 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={clsx("h-full rounded-full", barColor[objective.status])}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="text-xs text-slate-700 tabular-nums">
        {objective.percent === null ? "—" : `${Math.round(pct)}%`}
      </span>
    </div>
  );
}

export const formatAmount = (n: number | null, unit = "") =>
  n === null ? "—" : `${Number(n.toFixed(4)).toLocaleString()}${unit ? ` ${unit}` : ""}`;

export const targetText = (o: Pick<ObjectiveSummaryView, "direction" | "target" | "unit">) =>
  `${o.direction === "increase" ? "at least" : "at most"} ${formatAmount(o.target, o.unit)}`;

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
/** A calendar day (YYYY-MM-DD) as written, whatever the viewer's time zone. */
export const formatDay = (date: string) => day.format(new Date(`${date}T00:00:00.000Z`));
