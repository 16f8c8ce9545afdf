import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import {
  findTemplate,
  impactDecisionLabels,
  impactDecisionOutcomes,
  type ImpactAssessmentContent,
  type LinkView,
  type TemplateField,
} from "@openaims/core";
import { appliedControlsApi, isApiError } from "../../api";
import { impactAssessmentsApi, type ImpactAssessmentView } from "../../api/impact-assessments";
import { Button } from "../../components/button";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { Alert, errorMessage } from "../../components/states";
import { issuesAt } from "../../lib/field-errors";
import { HarmsEditor } from "./harms-editor";
import { useAfterAssessmentWrite } from "./queries";

type Content = ImpactAssessmentContent;

function getAt(content: Content, path: string): unknown {
  const [section, field] = path.split(".") as [keyof Content, string];
  return (content[section] as Record<string, unknown>)[field];
}
function setAt(content: Content, path: string, value: unknown): Content {
  const [section, field] = path.split(".") as [keyof Content, string];
  return { ...content, [section]: { ...(content[section] as object), [field]: value } };
}

function FieldInput({
  field,
  value,
  errors,
  onChange,
}: {
  field: TemplateField;
  value: unknown;
  errors: string[];
  onChange?: (v: unknown) => void;
}) {
  const label = `${field.label}${field.required ? "" : " (optional)"}${field.basis ? ` — ${field.basis}` : ""}`;
  if (!onChange)
    return (
      <div>
        <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</dt>
        <dd className="mt-0.5 text-sm whitespace-pre-line text-slate-900">
          {value === null || value === ""
            ? "—"
            : value === true
              ? "Yes"
              : value === false
                ? "No"
                : String(value)}
        </dd>
      </div>
    );
  if (field.input === "choice")
    return (
      <SelectField
        label={label}
        hint={field.help}
        errors={errors}
        value={(value as string | null) ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        options={[
          { value: "", label: "Not decided" },
          ...impactDecisionOutcomes.map((o) => ({ value: o, label: impactDecisionLabels[o] })),
        ]}
      />
    );
  if (field.input === "boolean")
    return (
      <SelectField
        label={label}
        hint={field.help}
        errors={errors}
        value={value === null ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value === "true")}
        options={[
          { value: "", label: "Not answered" },
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
      />
    );
  if (field.input === "date")
    return (
      <TextField
        type="date"
        label={label}
        hint={field.help}
        errors={errors}
        value={(value as string | null) ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
      />
    );
  return (
    <TextAreaField
      label={label}
      hint={field.help}
      errors={errors}
      rows={field.input === "text" ? 1 : 4}
      value={(value as string) ?? ""}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * The assessment walked section by section, as its template lays it out, each step with our explanation. A draft
 * that the caller may edit is a form saved as a whole (`version` guards against a concurrent edit); otherwise the
 * same steps are shown read-only.
 */
export function AssessmentForm({
  orgId,
  assessment,
  step,
  onStep: setStep,
}: {
  orgId: string;
  assessment: ImpactAssessmentView;
  /** the section shown; kept by the page so a save (which remounts the form) stays on it */
  step: number;
  onStep: (step: number) => void;
}) {
  const editable = assessment.abilities.edit === true;
  const template = findTemplate(assessment.templateId, assessment.variant);
  const [content, setContent] = useState<Content>(assessment.content);
  const after = useAfterAssessmentWrite(orgId);
  const controls = useQuery({
    queryKey: ["orgs", orgId, "applied-controls", "list", { limit: 200 }],
    queryFn: ({ signal }) => appliedControlsApi.list(orgId, { limit: 200 }, signal),
    enabled: editable,
  });
  const save = useMutation({
    mutationFn: () =>
      impactAssessmentsApi.update(orgId, assessment.id, { version: assessment.version, content }),
    onSuccess: () => after(),
  });
  const issues = isApiError(save.error) ? save.error.issues : [];
  const at = issuesAt(issues);
  const gapsAt = issuesAt(assessment.gaps);
  const section = template.sections[step]!;
  const dirty = JSON.stringify(content) !== JSON.stringify(assessment.content);
  const controlOptions: LinkView[] = editable
    ? (controls.data?.items ?? []).map((c) => ({ type: "applied_control", id: c.id, label: c.name }))
    : assessment.controls;
  const sectionGaps = (key: string) =>
    assessment.gaps.filter((g) => g.path.startsWith(`content.${key}`)).length;
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Assessment steps">
        <ol className="space-y-1">
          {template.sections.map((s, i) => (
            <li key={s.key}>
              <button
                type="button"
                aria-current={i === step ? "step" : undefined}
                onClick={() => setStep(i)}
                className={clsx(
                  "w-full rounded-md px-3 py-2 text-left text-sm",
                  i === step ? "bg-blue-50 font-semibold text-blue-900" : "text-slate-800 hover:bg-slate-50",
                )}
              >
                {i + 1}. {s.title}
                {sectionGaps(s.key) > 0 && (
                  <span className="ml-1 text-xs text-amber-800">({sectionGaps(s.key)} missing)</span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="max-w-3xl space-y-4">
        <h3 className="text-base font-semibold text-slate-900">{section.title}</h3>
        <p className="text-sm text-slate-700">{section.explanation}</p>
        {section.kind === "harms" ? (
          <HarmsEditor
            harms={content.harms}
            onChange={editable ? (harms) => setContent({ ...content, harms }) : undefined}
            issues={[...issues, ...assessment.gaps]}
            controls={controlOptions}
          />
        ) : (
          <dl className="space-y-4">
            {section.fields.map((f) => (
              <FieldInput
                key={f.path}
                field={f}
                value={getAt(content, f.path)}
                errors={[...at(`content.${f.path}`), ...(dirty ? [] : gapsAt(`content.${f.path}`))]}
                onChange={editable ? (v) => setContent(setAt(content, f.path, v)) : undefined}
              />
            ))}
          </dl>
        )}
        {save.isError && !(isApiError(save.error) && save.error.issues.length) && (
          <Alert>{errorMessage(save.error)}</Alert>
        )}
        {save.isError && isApiError(save.error) && save.error.issues.length > 0 && (
          <Alert>Some answers are not valid: {save.error.issues.map((i) => i.path).join(", ")}.</Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
            Previous
          </Button>
          <Button disabled={step === template.sections.length - 1} onClick={() => setStep(step + 1)}>
            Next
          </Button>
          {editable && (
            <Button variant="primary" busy={save.isPending} disabled={!dirty} onClick={() => save.mutate()}>
              Save the draft
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
