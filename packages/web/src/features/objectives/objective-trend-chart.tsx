import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ObjectiveView } from "../../api";
import { formatAmount, formatDay } from "./objective-status";

const dayMs = (date: string) => new Date(`${date}T00:00:00.000Z`).getTime();
const axisDate = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

interface Point {
  t: number;
  value: number;
}

/**
 * The measured values over time against the expected path (a straight line from the start point to the target at
 * the due date, the same line the status is judged by), with the target and the due date marked.
 */
export function ObjectiveTrendChart({ objective: o }: { objective: ObjectiveView }) {
  const measured: Point[] = o.progress.map((p) => ({ t: new Date(p.observedAt).getTime(), value: p.value }));
  const first = measured[0];
  const start: Point | null =
    o.baseline !== null
      ? { t: dayMs(o.startDate), value: o.baseline }
      : first
        ? { t: first.t, value: first.value }
        : null;
  const due = dayMs(o.dueDate) + 24 * 3600 * 1000 - 1;
  const path: Point[] = start ? [start, { t: due, value: o.target }] : [];
  const times = [...measured.map((p) => p.t), ...path.map((p) => p.t), due];
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const summary =
    measured.length === 0
      ? "No progress recorded yet."
      : `${measured.length} entries; latest ${formatAmount(o.latestValue, o.unit)}, target ${formatAmount(o.target, o.unit)} by ${formatDay(o.dueDate)}.`;

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm text-slate-700">{summary}</figcaption>
      <div className="h-72" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[lo, hi]}
              tickFormatter={(t: number) => axisDate.format(new Date(t))}
              allowDuplicatedCategory={false}
            />
            <YAxis width={64} tickFormatter={(v: number) => formatAmount(v)} />
            <Tooltip
              labelFormatter={(t) => new Date(Number(t)).toISOString().slice(0, 10)}
              formatter={(v) => formatAmount(Number(v), o.unit)}
            />
            <Legend />
            <ReferenceLine
              y={o.target}
              stroke="#15803d"
              strokeDasharray="6 3"
              label={{ value: "Target", position: "insideTopLeft", fill: "#15803d", fontSize: 12 }}
            />
            <ReferenceLine
              x={due}
              stroke="#b91c1c"
              strokeDasharray="4 4"
              label={{ value: "Due", position: "insideTopRight", fill: "#b91c1c", fontSize: 12 }}
            />
            {path.length > 0 && (
              <Line
                data={path}
                dataKey="value"
                name="Expected path"
                stroke="#94a3b8"
                strokeDasharray="5 5"
                dot={false}
                isAnimationActive={false}
              />
            )}
            <Line
              data={measured}
              dataKey="value"
              name="Measured"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
