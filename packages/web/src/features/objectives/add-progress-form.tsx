import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { AddObjectiveProgressInput, objectiveStatusLabels } from "@openaims/core";
import { isApiError, objectivesApi, type ObjectiveView } from "../../api";
import { Button } from "../../components/button";
import { TextField } from "../../components/form-controls";
import { Alert, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useAfterObjectiveWrite } from "./queries";

/** Records a value measured by hand; pipelines use the CLI or the API. */
export function AddProgressForm({ orgId, objective }: { orgId: string; objective: ObjectiveView }) {
  const [value, setValue] = useState("");
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterObjectiveWrite(orgId);
  const add = useMutation({
    mutationFn: (body: AddObjectiveProgressInput) => objectivesApi.addProgress(orgId, objective.id, body),
    onSuccess: async () => {
      setValue("");
      setNote("");
      await after();
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = value.trim() === "" ? Number.NaN : Number(value);
    const parsed = AddObjectiveProgressInput.safeParse({
      value: Number.isFinite(n) ? n : value,
      observedAt: date || undefined,
      note,
      source: "manual",
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    add.mutate(parsed.data);
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Record progress"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 className="text-sm font-semibold text-slate-900">Record progress</h3>
      <div className="grid gap-3 sm:grid-cols-[10rem_11rem_1fr]">
        <TextField
          label={`Value${objective.unit ? ` (${objective.unit})` : ""}`}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          errors={errors.value}
          aria-required="true"
        />
        <TextField
          label="Observed on"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          errors={errors.observedAt}
        />
        <TextField
          label="Note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          errors={errors.note}
          hint="Where the figure comes from."
        />
      </div>
      {add.isError && !(isApiError(add.error) && add.error.issues.length) && (
        <Alert>{errorMessage(add.error)}</Alert>
      )}
      {add.isSuccess && (
        <Alert tone="success">
          Recorded. Status now: {objectiveStatusLabels[add.data.objective.status]}.
        </Alert>
      )}
      <Button type="submit" variant="primary" size="sm" busy={add.isPending}>
        Record
      </Button>
    </form>
  );
}
