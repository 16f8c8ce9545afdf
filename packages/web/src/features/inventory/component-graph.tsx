import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { AlertTriangle } from "lucide-react";
import clsx from "clsx";
import type { ComponentAttention } from "@openaims/core";
import { inventoryGraphApi, type InventoryNodeType } from "../../api";
import { QueryView } from "../../components/query-view";
import {
  BOX,
  boxLeft,
  boxWidth,
  columnTitles,
  graphColumns,
  layoutGraph,
  type PlacedNode,
} from "./component-graph-layout";

const reasonText: Record<ComponentAttention["reason"], string> = {
  gpai_model: "GPAI model",
  special_category_data: "special-category data",
  vendor_high_risk: "high-risk vendor",
  vendor_review_overdue: "vendor review overdue",
  vendor_questionnaire_concerns: "due-diligence concerns",
};

/** The component graph of one inventory record: systems, models, datasets and vendors linked around it. */
export function ComponentGraph({ orgId, type, id }: { orgId: string; type: InventoryNodeType; id: string }) {
  const query = useQuery({
    queryKey: ["orgs", orgId, "inventory-graph", type, id],
    queryFn: ({ signal }) => inventoryGraphApi.get(orgId, type, id, signal),
  });
  return (
    <section aria-labelledby={`graph-${id}`} className="mt-8 space-y-2">
      <h2 id={`graph-${id}`} className="text-lg font-semibold text-slate-900">
        Component graph
      </h2>
      <p className="text-sm text-slate-700">
        What this record is linked with, up to two links away: vendors supply, datasets feed models and
        systems, models make up systems. A warning mark shows a flag a system inherits from its components.
      </p>
      <QueryView query={query} loadingLabel="Loading the component graph…">
        {(graph) => {
          if (graph.nodes.length <= 1)
            return <p className="text-sm text-slate-700">Not linked to any other inventory record yet.</p>;
          const { nodes, edges, height } = layoutGraph(graph);
          return (
            <>
              <div className="relative w-full overflow-x-auto">
                <div className="relative min-w-[40rem]" style={{ height }}>
                  {graphColumns.map((t, i) => (
                    <h3
                      key={t}
                      className="absolute top-0 text-xs font-semibold tracking-wide text-slate-600 uppercase"
                      style={{ left: `${boxLeft(i)}%` }}
                    >
                      {columnTitles[t]}
                    </h3>
                  ))}
                  <svg
                    className="absolute inset-0 h-full w-full"
                    viewBox={`0 0 100 ${height}`}
                    preserveAspectRatio="none"
                    aria-hidden="true"
                  >
                    {edges.map((e) => (
                      <line
                        key={`${e.from.key}>${e.to.key}`}
                        x1={e.x1}
                        y1={e.y1}
                        x2={e.x2}
                        y2={e.y2}
                        stroke="#94a3b8"
                        strokeWidth={1.5}
                        vectorEffect="non-scaling-stroke"
                      />
                    ))}
                  </svg>
                  {nodes.map((n) => (
                    <GraphNode key={n.key} orgId={orgId} node={n} root={n.key === graph.root} />
                  ))}
                </div>
              </div>
              <ul className="sr-only" aria-label="Links in the graph">
                {edges.map((e) => (
                  <li key={`${e.from.key}>${e.to.key}`}>
                    {e.from.label} → {e.to.label}
                  </li>
                ))}
              </ul>
              {graph.truncated && (
                <p className="text-xs text-slate-600">
                  More records are linked than the graph shows (100 at most).
                </p>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function GraphNode({ orgId, node: n, root }: { orgId: string; node: PlacedNode; root: boolean }) {
  const flags = n.attention.map((a) =>
    n.type === "ai_system" ? `inherits: ${reasonText[a.reason]} (${a.label})` : reasonText[a.reason],
  );
  const box = clsx(
    "absolute flex items-center gap-1 overflow-hidden rounded-md border px-2 text-sm",
    root ? "border-blue-500 bg-blue-50 font-semibold" : "border-slate-300 bg-white",
    n.archived && "border-dashed text-slate-500",
  );
  const style = { top: n.top, left: `${boxLeft(n.column)}%`, width: `${boxWidth}%`, height: BOX };
  const label = (
    <>
      <span className="truncate">{n.label}</span>
      {n.archived && <span className="shrink-0 text-xs">(archived)</span>}
      {flags.length > 0 && (
        <span className="ml-auto shrink-0 text-amber-700" title={flags.join("; ")}>
          <AlertTriangle className="size-4" aria-hidden="true" />
          <span className="sr-only">Needs attention: {flags.join("; ")}</span>
        </span>
      )}
    </>
  );
  if (root)
    return (
      <div className={box} style={style} aria-current="page">
        {label}
      </div>
    );
  const cls = clsx(box, "hover:border-blue-400 hover:bg-blue-50");
  switch (n.type) {
    case "ai_system":
      return (
        <Link
          to="/orgs/$orgId/ai-systems/$systemId"
          params={{ orgId, systemId: n.id }}
          className={cls}
          style={style}
        >
          {label}
        </Link>
      );
    case "ai_model":
      return (
        <Link
          to="/orgs/$orgId/models/$modelId"
          params={{ orgId, modelId: n.id }}
          className={cls}
          style={style}
        >
          {label}
        </Link>
      );
    case "dataset":
      return (
        <Link
          to="/orgs/$orgId/datasets/$datasetId"
          params={{ orgId, datasetId: n.id }}
          className={cls}
          style={style}
        >
          {label}
        </Link>
      );
    case "vendor":
      return (
        <Link
          to="/orgs/$orgId/vendors/$vendorId"
          params={{ orgId, vendorId: n.id }}
          className={cls}
          style={style}
        >
          {label}
        </Link>
      );
  }
}
