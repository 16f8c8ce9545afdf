import type { ChangeEvent } from "react";
import { aiRoles, aiTypes, lifecycleStages, type AiRole } from "@openaims/core";
import type { AiSystemView } from "../../api";
import {
  Checkbox,
  FieldErrorList,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/form-controls";
import type { FieldErrors } from "../../lib/field-errors";
import { useOwnerOptions } from "../members/owner-options";
import { useMemberDirectory } from "../members/queries";
import { aiRoleLabel, aiSystemFieldLabels as L, aiTypeLabel, lifecycleLabel } from "./ai-system-fields";
import type { AiSystemFormValues } from "./ai-system-form-values";

interface Props {
  orgId: string;
  values: AiSystemFormValues;
  errors: FieldErrors;
  set: <K extends keyof AiSystemFormValues>(key: K, value: AiSystemFormValues[K]) => void;
  currentOwner: AiSystemView | undefined;
}

const listHint = "Separate entries with commas.";

type TextKey = Exclude<keyof AiSystemFormValues, "aiRoles">;
type ControlEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

export function AiSystemFormFields({ orgId, values, errors, set, currentOwner }: Props) {
  const members = useMemberDirectory(orgId);
  const ownerOptions = useOwnerOptions(orgId, values.ownerId, currentOwner?.ownerName);

  // The props every single-value field shares: its label, name, value, setter and errors.
  const bind = <K extends TextKey>(key: K) => ({
    label: L[key],
    name: key,
    value: values[key],
    onChange: (e: ControlEvent) => set(key, e.target.value as AiSystemFormValues[K]),
    errors: errors[key],
  });

  const toggleRole = (role: AiRole, on: boolean) =>
    set("aiRoles", on ? [...values.aiRoles, role] : values.aiRoles.filter((r) => r !== role));

  return (
    <>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">What it is</legend>
        <TextField
          {...bind("name")}
          aria-required="true"
          hint="Required. A short name people will recognise."
        />
        <TextAreaField {...bind("purpose")} hint="What the system is for and what it decides or produces." />
        <TextAreaField {...bind("description")} rows={5} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            {...bind("lifecycleStage")}
            options={lifecycleStages.map((s) => ({ value: s, label: lifecycleLabel(s) }))}
          />
          <SelectField
            {...bind("aiType")}
            options={aiTypes.map((t) => ({ value: t, label: aiTypeLabel(t) }))}
          />
        </div>
        <fieldset aria-describedby={errors.aiRoles ? "ai-roles-error" : "ai-roles-hint"}>
          <legend className="text-sm font-medium text-slate-900">{L.aiRoles}</legend>
          <p id="ai-roles-hint" className="mb-2 text-xs text-slate-600">
            The roles your organization plays for this system (ISO/IEC 42001, 4.1).
          </p>
          <div className="grid gap-2 sm:grid-cols-3">
            {aiRoles.map((r) => (
              <Checkbox
                key={r}
                label={aiRoleLabel(r)}
                name="aiRoles"
                value={r}
                checked={values.aiRoles.includes(r)}
                onChange={(e) => toggleRole(r, e.target.checked)}
              />
            ))}
          </div>
          {errors.aiRoles && <FieldErrorList id="ai-roles-error" errors={errors.aiRoles} />}
        </fieldset>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">Who and where</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            {...bind("ownerId")}
            options={ownerOptions}
            hint={members.isError ? "The member list could not be loaded." : undefined}
          />
          <TextField {...bind("businessUnit")} />
        </div>
        <TextAreaField {...bind("deploymentContext")} hint="Where and how it runs, who uses it." />
        <TextField {...bind("geographies")} hint={`${listHint} For example: EU, US, UK.`} />
        <TextField
          {...bind("affectedStakeholders")}
          hint={`${listHint} For example: job applicants, recruiters.`}
        />
        <TextAreaField
          {...bind("humanOversight")}
          hint="How people supervise, review or override the system."
        />
        <TextField {...bind("tags")} hint={listHint} />
      </fieldset>
    </>
  );
}
