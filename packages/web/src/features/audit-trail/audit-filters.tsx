import { FilterBar } from "../../components/filter-bar";
import { SelectField, TextField } from "../../components/form-controls";
import type { MembershipView } from "../../api";
import { entityLabel, entityTypeOptions, eventLabel, knownEventTypes } from "./event-labels";

export interface AuditFilterValues {
  entityType: string;
  type: string;
  actorId: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterValues = {
  entityType: "",
  type: "",
  actorId: "",
  from: "",
  to: "",
};

/** `datetime-local` gives local wall time without a zone; the API wants ISO 8601 with an offset. */
export const localToIso = (v: string) => {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

interface Props {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  members: MembershipView[];
}

export function AuditFilters({ values, onChange, members }: Props) {
  const set = (k: keyof AuditFilterValues, v: string) => onChange({ ...values, [k]: v });
  return (
    <FilterBar label="Filter audit events">
      <SelectField
        label="Entity type"
        value={values.entityType}
        onChange={(e) => set("entityType", e.target.value)}
        options={[
          { value: "", label: "All" },
          ...entityTypeOptions.map((t) => ({ value: t, label: entityLabel(t) })),
        ]}
      />
      <SelectField
        label="Event"
        value={values.type}
        onChange={(e) => set("type", e.target.value)}
        options={[
          { value: "", label: "All" },
          ...knownEventTypes.map((t) => ({ value: t, label: eventLabel(t) })),
        ]}
      />
      <SelectField
        label="Actor"
        value={values.actorId}
        onChange={(e) => set("actorId", e.target.value)}
        options={[
          { value: "", label: "Anyone" },
          ...members.map((m) => ({ value: m.userId, label: m.name || m.email })),
        ]}
      />
      <TextField
        label="From"
        type="datetime-local"
        value={values.from}
        onChange={(e) => set("from", e.target.value)}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={values.to}
        onChange={(e) => set("to", e.target.value)}
      />
    </FilterBar>
  );
}
