import { useNavigate } from "@tanstack/react-router";
import { aiSystemSortKeys, aiTypes, lifecycleStages } from "@openaims/core";
import { FilterBar } from "../../components/filter-bar";
import { SelectField, TextField } from "../../components/form-controls";
import { useUrlTextFilter } from "../../lib/use-url-text-filter";
import { aiTypeLabel, lifecycleLabel } from "./ai-system-fields";
import { parseAiSystemListSearch, sortLabels, type AiSystemListSearch } from "./list-search";

export function AiSystemFilters({ orgId, search }: { orgId: string; search: AiSystemListSearch }) {
  const navigate = useNavigate();
  const update = (patch: Partial<Record<keyof AiSystemListSearch, string>>) =>
    void navigate({
      to: "/orgs/$orgId/ai-systems",
      params: { orgId },
      search: (prev) => parseAiSystemListSearch({ ...prev, ...patch }),
      replace: true,
    });

  const [q, setQ] = useUrlTextFilter(search.q, (text) => update({ q: text }));

  return (
    <FilterBar label="Filter AI systems" columns={6}>
      <TextField
        label="Search"
        type="search"
        placeholder="Name, purpose, tag…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="lg:col-span-2"
      />
      <SelectField
        label="Lifecycle stage"
        value={search.lifecycleStage ?? ""}
        onChange={(e) => update({ lifecycleStage: e.target.value })}
        options={[
          { value: "", label: "All stages" },
          ...lifecycleStages.map((s) => ({ value: s, label: lifecycleLabel(s) })),
        ]}
      />
      <SelectField
        label="AI type"
        value={search.aiType ?? ""}
        onChange={(e) => update({ aiType: e.target.value })}
        options={[
          { value: "", label: "All types" },
          ...aiTypes.map((t) => ({ value: t, label: aiTypeLabel(t) })),
        ]}
      />
      <SelectField
        label="Archived"
        value={search.archived ?? "false"}
        onChange={(e) => update({ archived: e.target.value === "false" ? "" : e.target.value })}
        options={[
          { value: "false", label: "Active only" },
          { value: "true", label: "Archived only" },
          { value: "all", label: "Active and archived" },
        ]}
      />
      <SelectField
        label="Sort"
        value={search.sort ?? "name"}
        onChange={(e) => update({ sort: e.target.value === "name" ? "" : e.target.value })}
        options={aiSystemSortKeys.map((k) => ({ value: k, label: sortLabels[k] }))}
      />
    </FilterBar>
  );
}
