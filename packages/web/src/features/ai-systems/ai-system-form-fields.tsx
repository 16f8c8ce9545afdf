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

export function AiSystemFormFields({ orgId, values, errors, set, currentOwner }: Props) {
  const members = useMemberDirectory(orgId);
  const ownerOptions = [{ value: "", label: members.isPending ? "Loading members…" : "No owner" }];
  for (const m of members.data?.items ?? []) {
    if (m.status === "active" || m.userId === values.ownerId)
      ownerOptions.push({
        value: m.userId,
        label: `${m.name || m.email}${m.status === "active" ? "" : " (deactivated)"}`,
      });
  }
  // Keep the saved owner selectable even when the directory does not list them.
  if (values.ownerId && !ownerOptions.some((o) => o.value === values.ownerId))
    ownerOptions.push({ value: values.ownerId, label: currentOwner?.ownerName ?? "Current owner" });

  const toggleRole = (role: AiRole, on: boolean) =>
    set("aiRoles", on ? [...values.aiRoles, role] : values.aiRoles.filter((r) => r !== role));

  return (
    <>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">What it is</legend>
        <TextField
          label={L.name}
          name="name"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          errors={errors.name}
          aria-required="true"
          hint="Required. A short name people will recognise."
        />
        <TextAreaField
          label={L.purpose}
          name="purpose"
          value={values.purpose}
          onChange={(e) => set("purpose", e.target.value)}
          errors={errors.purpose}
          hint="What the system is for and what it decides or produces."
        />
        <TextAreaField
          label={L.description}
          name="description"
          rows={5}
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          errors={errors.description}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={L.lifecycleStage}
            name="lifecycleStage"
            value={values.lifecycleStage}
            onChange={(e) => set("lifecycleStage", e.target.value as AiSystemFormValues["lifecycleStage"])}
            errors={errors.lifecycleStage}
            options={lifecycleStages.map((s) => ({ value: s, label: lifecycleLabel(s) }))}
          />
          <SelectField
            label={L.aiType}
            name="aiType"
            value={values.aiType}
            onChange={(e) => set("aiType", e.target.value as AiSystemFormValues["aiType"])}
            errors={errors.aiType}
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
            label={L.ownerId}
            name="ownerId"
            value={values.ownerId}
            onChange={(e) => set("ownerId", e.target.value)}
            errors={errors.ownerId}
            options={ownerOptions}
            hint={members.isError ? "The member list could not be loaded." : undefined}
          />
          <TextField
            label={L.businessUnit}
            name="businessUnit"
            value={values.businessUnit}
            onChange={(e) => set("businessUnit", e.target.value)}
            errors={errors.businessUnit}
          />
        </div>
        <TextAreaField
          label={L.deploymentContext}
          name="deploymentContext"
          value={values.deploymentContext}
          onChange={(e) => set("deploymentContext", e.target.value)}
          errors={errors.deploymentContext}
          hint="Where and how it runs, who uses it."
        />
        <TextField
          label={L.geographies}
          name="geographies"
          value={values.geographies}
          onChange={(e) => set("geographies", e.target.value)}
          errors={errors.geographies}
          hint={`${listHint} For example: EU, US, UK.`}
        />
        <TextField
          label={L.affectedStakeholders}
          name="affectedStakeholders"
          value={values.affectedStakeholders}
          onChange={(e) => set("affectedStakeholders", e.target.value)}
          errors={errors.affectedStakeholders}
          hint={`${listHint} For example: job applicants, recruiters.`}
        />
        <TextAreaField
          label={L.humanOversight}
          name="humanOversight"
          value={values.humanOversight}
          onChange={(e) => set("humanOversight", e.target.value)}
          errors={errors.humanOversight}
          hint="How people supervise, review or override the system."
        />
        <TextField
          label={L.tags}
          name="tags"
          value={values.tags}
          onChange={(e) => set("tags", e.target.value)}
          errors={errors.tags}
          hint={listHint}
        />
      </fieldset>
    </>
  );
}
