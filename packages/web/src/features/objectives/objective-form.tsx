import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import {
  CreateObjectiveInput,
  UpdateObjectiveInput,
  objectiveDirections,
  type LinkView,
} from "@openaims/core";
import { isApiError, objectivesApi, type ObjectiveView } from "../../api";
import { Button } from "../../components/button";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { LinkPicker } from "../../components/link-picker";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useOwnerOptions } from "../members/owner-options";
import { useAfterObjectiveWrite } from "./queries";

interface Values {
  title: string;
  measure: string;
  description: string;
  direction: (typeof objectiveDirections)[number];
  target: string;
  unit: string;
  baseline: string;
  startDate: string;
  dueDate: string;
  ownerId: string;
  links: LinkView[];
}

const today = () => new Date().toISOString().slice(0, 10);
const empty = (): Values => ({
  title: "",
  measure: "",
  description: "",
  direction: "increase",
  target: "",
  unit: "",
  baseline: "",
  startDate: today(),
  dueDate: "",
  ownerId: "",
  links: [
    {
      type: "framework_node",
      id: "iso-iec-42001-2023:6.2",
      label: "6.2 AI objectives and planning to achieve them",
    },
  ],
});
const fromView = (o: ObjectiveView): Values => ({
  title: o.title,
  measure: o.measure,
  description: o.description,
  direction: o.direction,
  target: String(o.target),
  unit: o.unit,
  baseline: o.baseline === null ? "" : String(o.baseline),
  startDate: o.startDate,
  dueDate: o.dueDate,
  ownerId: o.ownerId ?? "",
  links: o.links.map((l) => ({ ...l })),
});
/** Text fields become the API's types; a number field that is not a number stays text so the schema names it. */
const amount = (s: string) => (s.trim() === "" ? null : Number.isFinite(Number(s)) ? Number(s) : s);

function candidate(v: Values) {
  return {
    title: v.title,
    measure: v.measure,
    description: v.description,
    direction: v.direction,
    target: amount(v.target) ?? "",
    unit: v.unit,
    baseline: amount(v.baseline),
    startDate: v.startDate,
    dueDate: v.dueDate,
    ownerId: v.ownerId || null,
    links: v.links.map(({ type, id }) => ({ type, id })),
  };
}

export function ObjectiveForm({
  orgId,
  existing,
  onSaved,
  onCancel,
  onReload,
}: {
  orgId: string;
  existing?: ObjectiveView;
  onSaved: (o: ObjectiveView) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const [values, setValues] = useState<Values>(() => (existing ? fromView(existing) : empty()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterObjectiveWrite(orgId);
  const ownerOptions = useOwnerOptions(orgId, values.ownerId, existing?.ownerName);
  const save = useMutation({
    mutationFn: (body: CreateObjectiveInput | UpdateObjectiveInput) =>
      existing
        ? objectivesApi.update(orgId, existing.id, body as UpdateObjectiveInput)
        : objectivesApi.create(orgId, body as CreateObjectiveInput),
    onSuccess: async (o) => {
      await after(o);
      onSaved(o);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const bind = (key: Exclude<keyof Values, "links" | "direction">, label: string) => ({
    label,
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    errors: errors[key],
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const c = candidate(values);
    const parsed = existing
      ? UpdateObjectiveInput.safeParse({ ...c, version: existing.version })
      : CreateObjectiveInput.safeParse(c);
    if (!parsed.success) {
      setErrors(groupIssues(issuesFromZod(parsed.error)));
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
      aria-label={existing ? "Edit objective" : "Set objective"}
    >
      <RecordFormAlerts mutation={save} errors={errors} record="This objective" onReload={onReload} />

      <TextField
        {...bind("title", "Title")}
        aria-required="true"
        hint="Required. What you want to achieve, in a few words."
      />
      <TextAreaField
        {...bind("measure", "Measure")}
        aria-required="true"
        hint="Required. What exactly is measured, e.g. “share of model releases with a completed impact assessment”."
      />
      <TextAreaField
        {...bind("description", "Description")}
        rows={3}
        hint="Why it matters and how it is measured."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Direction"
          name="direction"
          value={values.direction}
          onChange={(e) => set("direction", e.target.value as Values["direction"])}
          errors={errors.direction}
          options={[
            { value: "increase", label: "Higher is better (at least the target)" },
            { value: "decrease", label: "Lower is better (at most the target)" },
          ]}
        />
        <TextField {...bind("target", "Target")} inputMode="decimal" aria-required="true" />
        <TextField {...bind("unit", "Unit")} hint="e.g. %, incidents per quarter, days" />
        <TextField
          {...bind("baseline", "Baseline")}
          inputMode="decimal"
          hint="Optional. The value on the start date; without it the first progress entry is the start."
        />
        <TextField {...bind("startDate", "Start date")} type="date" />
        <TextField {...bind("dueDate", "Due date")} type="date" aria-required="true" />
        <SelectField
          label="Owner"
          name="ownerId"
          value={values.ownerId}
          onChange={(e) => set("ownerId", e.target.value)}
          errors={errors.ownerId}
          options={ownerOptions}
        />
      </div>
      <LinkPicker
        orgId={orgId}
        legend="Links"
        hint="The clauses this objective serves (usually 6.2 and the AI policy, 5.2) and the AI systems it is about."
        nodeKinds={["requirement", "control", "objective"]}
        nodePlaceholder="e.g. 6.2"
        links={values.links}
        onChange={(l) => set("links", l)}
        errors={errors.links}
      />
      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
