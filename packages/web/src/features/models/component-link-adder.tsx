import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { LinkView } from "@openaims/core";
import { datasetsApi, modelsApi } from "../../api";
import { Button } from "../../components/button";
import { controlClass } from "../../components/form-controls";

type Kind = "ai_model" | "dataset";
const kindLabels: Record<Kind, string> = { ai_model: "Model", dataset: "Dataset" };

/** The organization's live models or datasets by name (first 200), for pickers. */
function useChoices(orgId: string, kind: Kind) {
  return useQuery({
    queryKey: ["orgs", orgId, kind === "ai_model" ? "models" : "datasets", "picker"],
    queryFn: async ({ signal }) => {
      const page =
        kind === "ai_model"
          ? await modelsApi.list(orgId, { limit: 200 }, signal)
          : await datasetsApi.list(orgId, { limit: 200 }, signal);
      return page.items.map((x) => ({
        id: x.id,
        label: "modelVersion" in x && x.modelVersion ? `${x.name} ${x.modelVersion}` : x.name,
      }));
    },
    staleTime: 60_000,
  });
}

function KindSelect({
  orgId,
  kind,
  links,
  onChange,
  exclude,
}: {
  orgId: string;
  kind: Kind;
  links: LinkView[];
  onChange: (links: LinkView[]) => void;
  exclude?: string | undefined;
}) {
  const id = useId();
  const choices = useChoices(orgId, kind);
  const [picked, setPicked] = useState("");
  const has = (x: string) => links.some((l) => l.type === kind && l.id === x);
  const add = () => {
    const c = choices.data?.find((x) => x.id === picked);
    if (!c || has(c.id)) return;
    onChange([...links, { type: kind, id: c.id, label: c.label }]);
    setPicked("");
  };
  return (
    <div className="flex items-end gap-2">
      <div className="grow space-y-1">
        <label htmlFor={id} className="block text-sm text-slate-800">
          {kindLabels[kind]}
        </label>
        <select
          id={id}
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
          className={controlClass(false)}
        >
          <option value="">{choices.isPending ? "Loading…" : "Choose…"}</option>
          {(choices.data ?? [])
            .filter((c) => c.id !== exclude)
            .map((c) => (
              <option key={c.id} value={c.id} disabled={has(c.id)}>
                {c.label}
              </option>
            ))}
        </select>
      </div>
      <Button onClick={add} disabled={!picked}>
        Add
      </Button>
    </div>
  );
}

/**
 * Adds links to models and/or datasets, next to a `LinkPicker` that lists (and removes) every link of the record.
 * Used where the server accepts those targets: a dataset's models, a vendor's models and datasets.
 */
export function ComponentLinkAdder({
  orgId,
  kinds,
  links,
  onChange,
  exclude,
}: {
  orgId: string;
  kinds: Kind[];
  links: LinkView[];
  onChange: (links: LinkView[]) => void;
  /** a record not to offer (the record being edited) */
  exclude?: string | undefined;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {kinds.map((k) => (
        <KindSelect key={k} orgId={orgId} kind={k} links={links} onChange={onChange} exclude={exclude} />
      ))}
    </div>
  );
}
