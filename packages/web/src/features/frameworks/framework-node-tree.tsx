import type { FrameworkNodeView } from "../../api";

const anchorOf = (id: string) => `node-${id.replace(/\./g, "-")}`;

function Guidance({ node }: { node: FrameworkNodeView }) {
  const g = node.guidance;
  return (
    <div className="mt-2 space-y-3 border-l-2 border-slate-200 pl-4 text-sm text-slate-800">
      {g && (
        <>
          <p>{g.intent}</p>
          <div>
            <h4 className="font-semibold text-slate-900">Typical evidence</h4>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {g.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
          <div>
            <h4 className="font-semibold text-slate-900">Questions an auditor may ask</h4>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {g.auditQuestions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </div>
        </>
      )}
      {node.related.length > 0 && (
        <p>
          <span className="font-semibold text-slate-900">Related: </span>
          {node.related.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <a href={`#${anchorOf(id)}`} className="text-blue-800 underline">
                {id}
              </a>
            </span>
          ))}
        </p>
      )}
      {node.aliases.length > 0 && (
        <p className="text-xs text-slate-600">Also cited as {node.aliases.join(", ")}</p>
      )}
    </div>
  );
}

function NodeItem({ node }: { node: FrameworkNodeView }) {
  if (node.kind === "heading") {
    return (
      <li id={anchorOf(node.id)}>
        <h3 className="mt-3 text-sm font-semibold text-slate-900">
          <span className="mr-2 font-mono">{node.id}</span>
          {node.title}
        </h3>
        <NodeList nodes={node.children} />
      </li>
    );
  }
  if (node.kind === "objective") {
    return (
      <li id={anchorOf(node.id)} className="py-1 text-sm text-slate-700 italic">
        <span className="mr-2 font-mono not-italic">{node.id}</span>
        {node.title}
      </li>
    );
  }
  return (
    <li id={anchorOf(node.id)}>
      <details className="group rounded-md py-1">
        <summary className="cursor-pointer rounded-md px-1 text-sm text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600">
          <span className="mr-2 font-mono text-slate-700">{node.id}</span>
          {node.title}
          <span className="ml-2 text-xs text-slate-600">{node.kind}</span>
        </summary>
        <Guidance node={node} />
      </details>
    </li>
  );
}

export function NodeList({ nodes }: { nodes: readonly FrameworkNodeView[] }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="ml-4 space-y-0.5">
      {nodes.map((n) => (
        <NodeItem key={n.id} node={n} />
      ))}
    </ul>
  );
}
