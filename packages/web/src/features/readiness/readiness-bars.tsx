import type { ReadinessGroupView } from "@openaims/core";
import { percentLabel } from "./readiness-labels";

/** One labelled progress bar per clause or Annex A group. */
export function ReadinessBars({ groups, label }: { groups: readonly ReadinessGroupView[]; label: string }) {
  return (
    <ul className="space-y-2" aria-label={label}>
      {groups.map((g) => (
        <li key={g.id} className="grid grid-cols-[minmax(0,14rem)_1fr_3.5rem] items-center gap-3 text-sm">
          <span className="truncate text-slate-800" title={`${g.id} ${g.title}`}>
            <span className="font-medium">{g.id}</span> {g.title}
          </span>
          <span
            role="progressbar"
            aria-label={`${g.id} ${g.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={g.percent ?? undefined}
            aria-valuetext={
              g.percent === null
                ? "not applicable"
                : `${g.percent} %: ${g.ready} ready, ${g.partial} partial, ${g.missing} missing`
            }
            className="h-2.5 overflow-hidden rounded-full bg-slate-200"
          >
            <span
              className={`block h-full rounded-full ${barTone(g.percent)}`}
              style={{ width: `${g.percent ?? 0}%` }}
            />
          </span>
          <span className="text-right tabular-nums text-slate-800">{percentLabel(g.percent)}</span>
        </li>
      ))}
    </ul>
  );
}

const barTone = (p: number | null) =>
  p === null ? "bg-slate-300" : p >= 80 ? "bg-green-600" : p >= 40 ? "bg-amber-500" : "bg-red-500";
