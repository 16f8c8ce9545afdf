import {
  incidentHarmTypeLabels,
  incidentHarmTypes,
  incidentSeverities,
  incidentSeverityLabels,
  type IncidentHarmType,
} from "@openaims/core";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { useAiSystemChoices } from "../../components/link-picker";
import type { FieldErrors } from "../../lib/field-errors";

/** What both the report form and the edit form ask: what happened, when, how bad, whose system, which harm. */
export interface IncidentFieldValues {
  title: string;
  description: string;
  /** "" when not known */
  occurredOn: string;
  becameAwareOn: string;
  severity: string;
  role: string;
  harmTypes: IncidentHarmType[];
  aiSystemIds: string[];
}

const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

/** The incident's own fields; `explain` adds the hints a first report needs. */
export function IncidentFields({
  orgId,
  values,
  onChange,
  errors,
  explain = false,
}: {
  orgId: string;
  values: IncidentFieldValues;
  onChange: (patch: Partial<IncidentFieldValues>) => void;
  errors: FieldErrors;
  explain?: boolean;
}) {
  const systems = useAiSystemChoices(orgId);
  return (
    <>
      <TextField
        label="What happened (one line)"
        value={values.title}
        onChange={(e) => onChange({ title: e.target.value })}
        errors={errors.title}
        aria-required="true"
      />
      <TextAreaField
        label="Details"
        rows={explain ? 5 : 4}
        value={values.description}
        onChange={(e) => onChange({ description: e.target.value })}
        errors={errors.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Became aware on"
          type="date"
          value={values.becameAwareOn}
          onChange={(e) => onChange({ becameAwareOn: e.target.value })}
          errors={errors.becameAwareOn}
          hint={
            explain ? "Day 0 of the reporting clocks; the deadline is the end of the last day." : undefined
          }
          aria-required="true"
        />
        <TextField
          label="Occurred on (if known)"
          type="date"
          value={values.occurredOn}
          onChange={(e) => onChange({ occurredOn: e.target.value })}
          errors={errors.occurredOn}
        />
        <SelectField
          label="Severity"
          value={values.severity}
          onChange={(e) => onChange({ severity: e.target.value })}
          errors={errors.severity}
          options={incidentSeverities.map((s) => ({ value: s, label: incidentSeverityLabels[s] }))}
        />
        <SelectField
          label="Our role for the AI system"
          value={values.role}
          onChange={(e) => onChange({ role: e.target.value })}
          errors={errors.role}
          hint={
            explain
              ? "A deployer must inform the provider immediately; a provider reports to the authority."
              : undefined
          }
          options={[
            { value: "provider", label: "Provider" },
            { value: "deployer", label: "Deployer" },
          ]}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Harm</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {incidentHarmTypes.map((h) => (
            <Checkbox
              key={h}
              label={incidentHarmTypeLabels[h]}
              checked={values.harmTypes.includes(h)}
              onChange={(e) => onChange({ harmTypes: toggle(values.harmTypes, h, e.target.checked) })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">AI systems involved</legend>
        {systems.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        <div className="grid gap-2 sm:grid-cols-2">
          {(systems.data?.items ?? []).map((s) => (
            <Checkbox
              key={s.id}
              label={s.name}
              checked={values.aiSystemIds.includes(s.id)}
              onChange={(e) => onChange({ aiSystemIds: toggle(values.aiSystemIds, s.id, e.target.checked) })}
            />
          ))}
        </div>
        {errors.aiSystemIds && <p className="text-sm text-red-800">{errors.aiSystemIds.join(" ")}</p>}
      </fieldset>
    </>
  );
}
