import { QueryView } from "../../components/query-view";
import { useScopeDiff } from "./queries";

/** What this version changes against the scope in force before it. */
export function ScopeDiffPanel({ orgId, number }: { orgId: string; number: number }) {
  const query = useScopeDiff(orgId, number);
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">
        Changes against the previous version
      </summary>
      <QueryView query={query} loadingLabel="Comparing…">
        {({ from, diff }) =>
          diff.same ? (
            <p className="mt-2 text-slate-700">No changes against version {from}.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              <li className="text-slate-600">{from === 0 ? "First version." : `Against version ${from}:`}</li>
              {diff.statement && (
                <li>
                  <span className="font-medium">Statement</span>:{" "}
                  <del className="text-red-800">{diff.statement.before || "—"}</del> →{" "}
                  <ins className="text-green-800">{diff.statement.after || "—"}</ins>
                </li>
              )}
              {diff.boundaries && (
                <li>
                  <span className="font-medium">Boundaries</span>:{" "}
                  <del className="text-red-800">{diff.boundaries.before || "—"}</del> →{" "}
                  <ins className="text-green-800">{diff.boundaries.after || "—"}</ins>
                </li>
              )}
              {diff.inclusions.added.map((i) => (
                <li key={`+i${i}`} className="text-green-800">
                  + included: {i}
                </li>
              ))}
              {diff.inclusions.removed.map((i) => (
                <li key={`-i${i}`} className="text-red-800">
                  − no longer included: {i}
                </li>
              ))}
              {diff.exclusions.added.map((e) => (
                <li key={`+e${e.item}`} className="text-green-800">
                  + excluded: {e.item} ({e.justification})
                </li>
              ))}
              {diff.exclusions.removed.map((e) => (
                <li key={`-e${e.item}`} className="text-red-800">
                  − no longer excluded: {e.item}
                </li>
              ))}
              {diff.exclusions.changed.map((e) => (
                <li key={`~e${e.item}`}>
                  Justification of {e.item}: <del className="text-red-800">{e.before}</del> →{" "}
                  <ins className="text-green-800">{e.after}</ins>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </details>
  );
}
