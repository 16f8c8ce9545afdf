import { useId, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { defaultFrameworkId, frameworkNodeRef, type LinkTarget, type LinkView } from "@openaims/core";
import { aiSystemsApi, type FrameworkNodeView } from "../../api";
import { Button } from "../../components/button";
import { controlClass, FieldErrorList } from "../../components/form-controls";
import { useFramework } from "../frameworks/queries";

const typeLabel: Record<string, string> = {
  framework_node: "Clause / control",
  ai_system: "AI system",
  document: "Document",
  applied_control: "Applied control",
  soa_entry: "SoA entry",
  evidence: "Evidence",
  objective: "Objective",
};

function flatten(nodes: FrameworkNodeView[], out: FrameworkNodeView[] = []): FrameworkNodeView[] {
  for (const n of nodes) {
    if (n.kind !== "heading") out.push(n);
    flatten(n.children, out);
  }
  return out;
}

export interface PickedLink extends LinkTarget {
  label: string;
}

/** Links to ISO/IEC 42001 clauses and controls (e.g. 6.2, 5.2) and to AI systems; other kinds are kept as they are. */
export function ObjectiveLinkPicker({
  orgId,
  links,
  onChange,
  errors,
}: {
  orgId: string;
  links: PickedLink[];
  onChange: (links: PickedLink[]) => void;
  errors?: string[] | undefined;
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
  const has = (t: LinkTarget) => links.some((l) => l.type === t.type && l.id === t.id);
  const add = (l: PickedLink) => !has(l) && onChange([...links, l]);

  const addNode = () => {
    const wanted = nodeText.trim().split(/\s+/)[0] ?? "";
    const node = nodes.find((n) => n.id.toLowerCase() === wanted.toLowerCase());
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
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">Links</legend>
      <p className="text-xs text-slate-600">
        The clauses this objective serves (usually 6.2 and the AI policy, 5.2) and the AI systems it is about.
      </p>
      {links.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {links.map((l) => (
            <li
              key={`${l.type}|${l.id}`}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-900"
            >
              <span className="text-xs text-slate-600">{typeLabel[l.type] ?? l.type}:</span> {l.label}
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
              placeholder="e.g. 6.2"
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
                <option key={n.id} value={n.id}>{`${n.id} ${n.title}`}</option>
              ))}
            </datalist>
          </div>
          <Button size="sm" onClick={addNode} disabled={!nodeText.trim()}>
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
              <option value="">{systems.isPending ? "Loading AI systems…" : "Choose an AI system"}</option>
              {systems.data?.items.map((s) => (
                <option key={s.id} value={s.id} disabled={has({ type: "ai_system", id: s.id })}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <Button size="sm" onClick={addSystem} disabled={!systemId}>
            Add
          </Button>
        </div>
      </div>
      {errors?.length ? <FieldErrorList errors={errors} /> : null}
    </fieldset>
  );
}

export const pickedFromViews = (links: LinkView[]): PickedLink[] => links.map((l) => ({ ...l }));
