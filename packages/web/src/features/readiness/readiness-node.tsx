import type { ReadinessNodeView } from "@openaims/core";
import { Badge } from "../../components/badge";
import { AreaLink } from "./area-link";
import { checkStateLabels, statusLabels, statusTones } from "./readiness-labels";

/** One requirement or control: its status, what is missing (linked to where it is fixed) and how it is checked. */
export function ReadinessNode({ orgId, node }: { orgId: string; node: ReadinessNodeView }) {
  const headingId = `readiness-${node.nodeId}`;
  return (
    <article id={node.nodeId} aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-medium text-slate-900">
          <span className="mr-2 tabular-nums">{node.nodeId}</span>
          {node.title}
        </h3>
        <Badge tone={statusTones[node.status]}>{statusLabels[node.status]}</Badge>
      </div>
      {node.missing.length > 0 && (
        <div className="mt-3">
          <h4 className="text-sm font-medium text-slate-800">Missing</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {node.missing.map((m, i) => (
              <li key={i}>
                {m.text}{" "}
                <AreaLink orgId={orgId} area={m.area} className="text-blue-700 underline hover:text-blue-900">
                  (fix)
                </AreaLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {node.satisfied.length > 0 && (
        <div className="mt-3">
          <h4 className="text-sm font-medium text-slate-800">In place</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {node.satisfied.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-800">How this is checked</summary>
        <ul className="mt-2 space-y-2 text-slate-700">
          {node.checks.map((c, i) => (
            <li key={i}>
              <span className="font-medium text-slate-800">{checkStateLabels[c.state]}:</span> {c.explanation}
            </li>
          ))}
        </ul>
        {node.later && <p className="mt-2 text-slate-600">{node.later}</p>}
      </details>
    </article>
  );
}
