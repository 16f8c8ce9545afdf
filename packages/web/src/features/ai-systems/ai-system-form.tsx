import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { CreateAiSystemInput, UpdateAiSystemInput } from "@openaims/core";
import { aiSystemsApi, isApiError, type AiSystemView } from "../../api";
import { Button } from "../../components/button";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { AiSystemFormFields } from "./ai-system-form-fields";
import {
  candidateFromForm,
  emptyAiSystemForm,
  formValuesFromView,
  type AiSystemFormValues,
} from "./ai-system-form-values";
import { useAfterAiSystemWrite } from "./queries";

interface AiSystemFormProps {
  orgId: string;
  /** the system being edited; absent when registering a new one */
  existing?: AiSystemView;
  onSaved: (system: AiSystemView) => void;
  onCancel: () => void;
  /** asked for when the server reports that someone else changed the record */
  onReload?: () => void;
}

/** One form for registering and editing; both validate with the schema the server uses. */
export function AiSystemForm({ orgId, existing, onSaved, onCancel, onReload }: AiSystemFormProps) {
  const [values, setValues] = useState<AiSystemFormValues>(() =>
    existing ? formValuesFromView(existing) : emptyAiSystemForm,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const afterWrite = useAfterAiSystemWrite(orgId);

  const save = useMutation({
    mutationFn: (body: CreateAiSystemInput | UpdateAiSystemInput) =>
      existing
        ? aiSystemsApi.update(orgId, existing.id, body as UpdateAiSystemInput)
        : aiSystemsApi.create(orgId, body as CreateAiSystemInput),
    onSuccess: async (system) => {
      await afterWrite(system);
      onSaved(system);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });

  const set = <K extends keyof AiSystemFormValues>(key: K, value: AiSystemFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const candidate = candidateFromForm(values);
    const parsed = existing
      ? UpdateAiSystemInput.safeParse({ ...candidate, version: existing.version })
      : CreateAiSystemInput.safeParse(candidate);
    if (!parsed.success) {
      setErrors(groupIssues(issuesFromZod(parsed.error)));
      focusFirstInvalid();
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="max-w-3xl space-y-6"
      aria-label={existing ? "Edit AI system" : "Register AI system"}
    >
      <RecordFormAlerts mutation={save} errors={errors} record="This AI system" onReload={onReload} />

      <AiSystemFormFields orgId={orgId} values={values} errors={errors} set={set} currentOwner={existing} />

      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function focusFirstInvalid() {
  // After React has rendered the messages, move focus to the first field that has one.
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
