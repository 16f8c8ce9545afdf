import clsx from "clsx";

export interface LineDiffLine {
  op: "equal" | "add" | "remove";
  text: string;
  oldNumber: number | null;
  newNumber: number | null;
}

/**
 * A line diff (as the server computes it) in one column: removed lines red with "−", added green with "+".
 * Long runs of unchanged lines fold to their first and last `context` lines.
 */
export function LineDiffView({ lines, context = 3 }: { lines: LineDiffLine[]; context?: number }) {
  const show = lines.map((l, i) => {
    if (l.op !== "equal") return true;
    for (let d = -context; d <= context; d++) if (lines[i + d] && lines[i + d]!.op !== "equal") return true;
    return false;
  });
  const rows: ({ kind: "line"; line: LineDiffLine } | { kind: "gap"; count: number })[] = [];
  lines.forEach((line, i) => {
    if (show[i]) rows.push({ kind: "line", line });
    else {
      const last = rows[rows.length - 1];
      if (last?.kind === "gap") last.count++;
      else rows.push({ kind: "gap", count: 1 });
    }
  });
  if (!lines.some((l) => l.op !== "equal"))
    return <p className="text-sm text-slate-700">The two versions have the same text.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 font-mono text-xs">
      <table className="min-w-full border-collapse">
        <caption className="sr-only">Line changes</caption>
        <tbody>
          {rows.map((r, i) =>
            r.kind === "gap" ? (
              <tr key={i} className="bg-slate-50 text-slate-600">
                <td colSpan={4} className="px-2 py-1 italic">
                  {r.count} unchanged {r.count === 1 ? "line" : "lines"}
                </td>
              </tr>
            ) : (
              <tr
                key={i}
                className={clsx(
                  r.line.op === "add" && "bg-green-50 text-green-950",
                  r.line.op === "remove" && "bg-red-50 text-red-950",
                )}
              >
                <td className="w-10 px-2 text-right text-slate-500 select-none">{r.line.oldNumber ?? ""}</td>
                <td className="w-10 px-2 text-right text-slate-500 select-none">{r.line.newNumber ?? ""}</td>
                <td
                  className="w-4 select-none"
                  aria-label={r.line.op === "add" ? "added" : r.line.op === "remove" ? "removed" : undefined}
                >
                  {r.line.op === "add" ? "+" : r.line.op === "remove" ? "−" : ""}
                </td>
                <td className="px-2 break-words whitespace-pre-wrap">{r.line.text || " "}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
