import { useId, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import {
  defaultFrameworkId,
  frameworkNodeRef,
  type FrameworkNodeKind,
  type LinkTarget,
  type LinkView,
} from "@openaims/core";
import { aiSystemsApi, type FrameworkNodeView } from "../api";
import { useFramework } from "../features/frameworks/queries";
import { Button } from "./button";
import { controlClass, FieldErrorList } from "./form-controls";

/** How each kind of link target is named next to its label, wherever links are shown. */
export const linkTypeLabels: Record<string, string> = {
  framework_node: "ISO/IEC 42001",
  ai_system: "AI system",
  document: "Document",
  applied_control: "Applied control",
  soa_entry: "SoA entry",
  evidence: "Evidence",
  objective: "Objective",
  ai_model: "Model",
  dataset: "Dataset",
  obligation: "Obligation",
};

const sameTarget = (a: LinkTarget, b: LinkTarget) => a.type === b.type && a.id === b.id;

function flatten(
  nodes: FrameworkNodeView[],
  kinds: readonly FrameworkNodeKind[],
  out: FrameworkNodeView[] = [],
): FrameworkNodeView[] {
  for (const n of nodes) {
    if (kinds.includes(n.kind)) out.push(n);
    flatten(n.children, kinds, out);
  }
  return out;
}

/** The organization's AI systems by name, for pickers (one cached list shared by every picker). */
export function useAiSystemChoices(orgId: string, enabled = true) {
  return useQuery({
    queryKey: ["orgs", orgId, "ai-systems", "picker"],
    queryFn: ({ signal }) => aiSystemsApi.list(orgId, { limit: 200, sort: "name" }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export interface LinkPickerProps {
  orgId: string;
  links: LinkView[];
  onChange: (links: LinkView[]) => void;
  legend: string;
  /** a sentence under the legend: what these links mean for this record */
  hint?: ReactNode;
  /** shown instead of the list while nothing is linked */
  emptyText?: ReactNode;
  /** which framework nodes can be picked; clauses (requirements) and Annex A controls by default */
  nodeKinds?: readonly FrameworkNodeKind[];
  nodePlaceholder?: string;
  /** offer the clause/control picker; false where the server accepts only AI-system links (models, datasets) */
  frameworkNodes?: boolean;
  disabled?: boolean;
  errors?: string[] | undefined;
}

/**
 * Links a record to ISO/IEC 42001 clauses and controls (typed, with suggestions) and to AI systems. Links of
 * other kinds (documents, applied controls, SoA entries) made elsewhere are kept and can be removed.
 */
export function LinkPicker({
  orgId,
  links,
  onChange,
  legend,
  hint,
  emptyText,
  nodeKinds = ["requirement", "control"],
  nodePlaceholder = "e.g. A.6.2.4",
  frameworkNodes = true,
  disabled,
  errors,
}: LinkPickerProps) {
  const id = useId();
  const framework = useFramework(defaultFrameworkId);
  const systems = useAiSystemChoices(orgId);
  const kindsKey = nodeKinds.join();
  // kindsKey, not the array: a default or inline list is a new array on every render
  const nodes = useMemo(() => flatten(framework.data?.nodes ?? [], nodeKinds), [framework.data, kindsKey]);
  const [nodeText, setNodeText] = useState("");
  const [systemId, setSystemId] = useState("");
  const has = (t: LinkTarget) => links.some((l) => sameTarget(l, t));
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
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
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
                onClick={() => onChange(links.filter((x) => !sameTarget(x, l)))}
                className="rounded-full p-0.5 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600"
                aria-label={`Remove link to ${l.label}`}
              >
                <X className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        emptyText && <p className="text-xs text-slate-600">{emptyText}</p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {frameworkNodes && (
          <div className="flex items-end gap-2">
            <div className="grow space-y-1">
              <label htmlFor={`${id}-node`} className="block text-sm text-slate-800">
                Clause or control
              </label>
              <input
                id={`${id}-node`}
                list={`${id}-nodes`}
                value={nodeText}
                placeholder={nodePlaceholder}
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
            <Button onClick={addNode} disabled={!node}>
              Add
            </Button>
          </div>
        )}
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
                <option key={s.id} value={s.id} disabled={has({ type: "ai_system", id: s.id })}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <Button onClick={addSystem} disabled={!systemId}>
            Add
          </Button>
        </div>
      </div>
      {errors?.length ? <FieldErrorList errors={errors} /> : null}
    </fieldset>
  );
}
