import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import {
  incidentHarmTypeLabels,
  incidentHarmTypes,
  incidentSeverities,
  incidentSeverityLabels,
  UpdateIncidentInput,
  type IncidentHarmType,
} from "@openaims/core";
import { incidentsApi, isApiError, type IncidentDetailView } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { useAiSystemChoices } from "../../components/link-picker";
import { Alert, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useAfterIncidentWrite } from "./queries";

/** Edit what happened, the dates, severity, role, harm and the AI systems involved (not while closed). */
export function EditIncidentForm({ orgId, incident }: { orgId: string; incident: IncidentDetailView }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(incident.description);
  const [occurredOn, setOccurredOn] = useState(incident.occurredOn ?? "");
  const [becameAwareOn, setBecameAwareOn] = useState(incident.becameAwareOn);
  const [severity, setSeverity] = useState<string>(incident.severity);
  const [role, setRole] = useState<string>(incident.role);
  const [harmTypes, setHarmTypes] = useState<IncidentHarmType[]>(incident.harmTypes);
  const [aiSystemIds, setAiSystemIds] = useState<string[]>(incident.aiSystems.map((s) => s.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const systems = useAiSystemChoices(orgId, open);
  const after = useAfterIncidentWrite(orgId);
  const save = useMutation({
    mutationFn: (body: UpdateIncidentInput) => incidentsApi.update(orgId, incident.id, body),
    onSuccess: () => after(incident.id),
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  if (!open)
    return (
      <div className="mb-8">
        <Button onClick={() => setOpen(true)}>Edit details</Button>
      </div>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateIncidentInput.safeParse({
      title,
      description,
      occurredOn: occurredOn || null,
      becameAwareOn,
      severity,
      role,
      harmTypes,
      aiSystemIds,
      version: incident.version,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    save.mutate(parsed.data);
  };
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the incident" className="mb-8 max-w-3xl space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">Edit details</h2>
      {save.isError && !(isApiError(save.error) && save.error.issues.length) && (
        <Alert>{errorMessage(save.error)}</Alert>
      )}
      <TextField
        label="What happened (one line)"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={errors.title}
      />
      <TextAreaField
        label="Details"
        rows={4}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Became aware on"
          type="date"
          value={becameAwareOn}
          onChange={(e) => setBecameAwareOn(e.target.value)}
          errors={errors.becameAwareOn}
        />
        <TextField
          label="Occurred on (if known)"
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          errors={errors.occurredOn}
        />
        <SelectField
          label="Severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value)}
          errors={errors.severity}
          options={incidentSeverities.map((s) => ({ value: s, label: incidentSeverityLabels[s] }))}
        />
        <SelectField
          label="Our role for the AI system"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          errors={errors.role}
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
              checked={harmTypes.includes(h)}
              onChange={(e) => setHarmTypes(toggle(harmTypes, h, e.target.checked))}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">AI systems involved</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(systems.data?.items ?? []).map((s) => (
            <Checkbox
              key={s.id}
              label={s.name}
              checked={aiSystemIds.includes(s.id)}
              onChange={(e) => setAiSystemIds(toggle(aiSystemIds, s.id, e.target.checked))}
            />
          ))}
        </div>
        {errors.aiSystemIds && <p className="text-sm text-red-800">{errors.aiSystemIds.join(" ")}</p>}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save details
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
