import { useId, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { defaultFrameworkId, frameworkNodeRef, type LinkView } from "@openaims/core";
import { aiSystemsApi, type FrameworkNodeView } from "../../api";
import { Button } from "../../components/button";
import { controlClass } from "../../components/form-controls";
import { useFramework } from "../frameworks/queries";
import { linkTypeLabels } from "./evidence-labels";

function flatten(nodes: FrameworkNodeView[], out: FrameworkNodeView[] = []): FrameworkNodeView[] {
  for (const n of nodes) {
    if (n.kind === "requirement" || n.kind === "control") out.push(n);
    flatten(n.children, out);
  }
  return out;
}

/**
 * Picks what evidence demonstrates: ISO/IEC 42001 clauses and controls (typed, with suggestions) and AI systems.
 * Links of other kinds (documents, applied controls, SoA entries) made elsewhere are kept and can be removed.
 */
export function EvidenceLinkPicker({
  orgId,
  links,
  onChange,
  disabled,
}: {
  orgId: string;
  links: LinkView[];
  onChange: (links: LinkView[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const framework = useFramework(defaultFrameworkId);
  const systems = useQuery({
    queryKey: ["orgs", orgId, "ai-systems", "picker"],
    queryFn: ({ signal }) => aiSystemsApi.list(orgId, { limit: 200, sort: "name" }, signal),
    staleTime: 60_000,
  });
  const nodes = useMemo(() => flatten(framework.data?.nodes ?? []), [framework.data]);
  const [nodeText, setNodeText] = useState("");
  const [systemId, setSystemId] = useState("");
  const has = (l: LinkView) => links.some((x) => x.type === l.type && x.id === l.id);
  const add = (l: LinkView) => !has(l) && onChange([...links, l]);
  const wanted = nodeText.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const node = nodes.find((n) => n.id.toLowerCase() === wanted);

  const addNode = () => {
    if (!node) return;
    add({
      type: "framework_node",
      id: frameworkNodeRef(defaultFrameworkId, node.id),
      label: `${node.id} ${node.title}`,
    });
    setNodeText("");
  };
  const addSystem = () => {
    const s = systems.data?.items.find((x) => x.id === systemId);
    if (!s) return;
    add({ type: "ai_system", id: s.id, label: s.name });
    setSystemId("");
  };

  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-900">What it demonstrates</legend>
      {links.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Links">
          {links.map((l) => (
            <li
              key={`${l.type}|${l.id}`}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-900"
            >
              <span className="text-xs text-slate-600">{linkTypeLabels[l.type] ?? l.type}:</span> {l.label}
              <button
                type="button"
                onClick={() => onChange(links.filter((x) => !(x.type === l.type && x.id === l.id)))}
                className="rounded-full p-0.5 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600"
                aria-label={`Remove link to ${l.label}`}
              >
                <X className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-600">
          Not linked yet: add the clauses or controls and AI systems it supports.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex items-end gap-2">
          <div className="grow space-y-1">
            <label htmlFor={`${id}-node`} className="block text-sm text-slate-800">
              Clause or control
            </label>
            <input
              id={`${id}-node`}
              list={`${id}-nodes`}
              value={nodeText}
              placeholder="e.g. A.6.2.4"
              onChange={(e) => setNodeText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addNode();
                }
              }}
              className={controlClass(false)}
            />
            <datalist id={`${id}-nodes`}>
              {nodes.map((n) => (
                <option key={n.id} value={`${n.id} ${n.title}`} />
              ))}
            </datalist>
          </div>
          <Button type="button" onClick={addNode} disabled={!node}>
            Add
          </Button>
        </div>
        <div className="flex items-end gap-2">
          <div className="grow space-y-1">
            <label htmlFor={`${id}-system`} className="block text-sm text-slate-800">
              AI system
            </label>
            <select
              id={`${id}-system`}
              value={systemId}
              onChange={(e) => setSystemId(e.target.value)}
              className={controlClass(false)}
            >
              <option value="">{systems.isPending ? "Loading…" : "Choose…"}</option>
              {(systems.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" onClick={addSystem} disabled={!systemId}>
            Add
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
