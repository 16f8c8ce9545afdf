import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { UpdateIncidentInput } from "@openaims/core";
import { incidentsApi, isApiError, type IncidentDetailView } from "../../api";
import { Button } from "../../components/button";
import { Alert, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { IncidentFields, type IncidentFieldValues } from "./incident-fields";
import { useAfterIncidentWrite } from "./queries";

const valuesOf = (incident: IncidentDetailView): IncidentFieldValues => ({
  title: incident.title,
  description: incident.description,
  occurredOn: incident.occurredOn ?? "",
  becameAwareOn: incident.becameAwareOn,
  severity: incident.severity,
  role: incident.role,
  harmTypes: incident.harmTypes,
  aiSystemIds: incident.aiSystems.map((s) => s.id),
});

/** Edit what happened, the dates, severity, role, harm and the AI systems involved (not while closed). */
export function EditIncidentForm({ orgId, incident }: { orgId: string; incident: IncidentDetailView }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => valuesOf(incident));
  const [errors, setErrors] = useState<FieldErrors>({});
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
      ...values,
      occurredOn: values.occurredOn || null,
      version: incident.version,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    save.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the incident" className="mb-8 max-w-3xl space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">Edit details</h2>
      {save.isError && !(isApiError(save.error) && save.error.issues.length) && (
        <Alert>{errorMessage(save.error)}</Alert>
      )}
      <IncidentFields
        orgId={orgId}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={errors}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save details
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
