import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { CreateDatasetInput, UpdateDatasetInput, type LinkView } from "@openaims/core";
import { datasetsApi, isApiError, type DatasetView } from "../../api";
import { Checkbox, TextAreaField, TextField } from "../../components/form-controls";
import { FormActions } from "../../components/form-actions";
import { LinkPicker } from "../../components/link-picker";
import { PageHeader } from "../../components/page-header";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { Alert, ErrorState, LoadingState } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useCan } from "../session/use-me";
import { DatasetBreadcrumb } from "./dataset-detail-page";
import { useAfterDatasetWrite, useDataset } from "./queries";
import { ComponentLinkAdder } from "../models/component-link-adder";

const textKeys = [
  ["name", "Name"],
  ["source", "Source"],
  ["collectionMethod", "Collection method"],
  ["acquisitionTerms", "Acquisition terms"],
  ["licence", "Licence"],
  ["preparationSteps", "Preparation steps"],
  ["qualityChecks", "Quality checks"],
  ["qualityResults", "Quality results"],
  ["representativeness", "Representativeness"],
  ["knownGaps", "Known gaps"],
  ["retention", "Retention"],
  ["description", "Description"],
] as const;
type TextKey = (typeof textKeys)[number][0];
type Values = Record<TextKey, string> & {
  provenance: string;
  personalData: boolean;
  specialCategories: boolean;
  links: LinkView[];
};

const fromView = (d?: DatasetView): Values => ({
  ...(Object.fromEntries(textKeys.map(([k]) => [k, d?.[k] ?? ""])) as Record<TextKey, string>),
  provenance: d?.provenance.join("\n") ?? "",
  personalData: d?.personalData ?? false,
  specialCategories: d?.specialCategories ?? false,
  links: d?.links.map((l) => ({ ...l })) ?? [],
});

export function DatasetForm({
  orgId,
  existing,
  onSaved,
  onCancel,
}: {
  orgId: string;
  existing?: DatasetView;
  onSaved: (d: DatasetView) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => fromView(existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterDatasetWrite(orgId);
  const save = useMutation({
    mutationFn: (body: CreateDatasetInput | UpdateDatasetInput) =>
      existing
        ? datasetsApi.update(orgId, existing.id, body as UpdateDatasetInput)
        : datasetsApi.create(orgId, body as CreateDatasetInput),
    onSuccess: async (d) => {
      await after(d);
      onSaved(d);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const c = {
      ...Object.fromEntries(textKeys.map(([k]) => [k, values[k]])),
      provenance: values.provenance
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
      personalData: values.personalData || values.specialCategories,
      specialCategories: values.specialCategories,
      links: values.links.map(({ type, id }) => ({ type, id })),
    };
    const parsed = existing
      ? UpdateDatasetInput.safeParse({ ...c, version: existing.version })
      : CreateDatasetInput.safeParse(c);
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
      aria-label={existing ? "Edit dataset" : "Record dataset"}
    >
      <RecordFormAlerts mutation={save} errors={errors} record="This dataset" />
      {textKeys.map(([k, label]) =>
        k === "name" || k === "source" || k === "licence" || k === "retention" ? (
          <TextField
            key={k}
            label={label}
            name={k}
            value={values[k]}
            onChange={(e) => set(k, e.target.value)}
            errors={errors[k]}
            {...(k === "name" ? { "aria-required": "true", hint: "Required." } : {})}
          />
        ) : (
          <TextAreaField
            key={k}
            label={label}
            name={k}
            rows={2}
            value={values[k]}
            onChange={(e) => set(k, e.target.value)}
            errors={errors[k]}
          />
        ),
      )}
      <TextAreaField
        label="Provenance"
        name="provenance"
        rows={3}
        hint="One step per line, oldest first: who collected it, who passed it on, what was done to it."
        value={values.provenance}
        onChange={(e) => set("provenance", e.target.value)}
        errors={errors.provenance}
      />
      <Checkbox
        label="Holds personal data"
        checked={values.personalData || values.specialCategories}
        onChange={(e) => set("personalData", e.target.checked)}
      />
      <Checkbox
        label="Holds special categories of personal data"
        description="e.g. health, ethnic origin, biometrics; systems using this dataset are flagged for attention."
        checked={values.specialCategories}
        onChange={(e) => set("specialCategories", e.target.checked)}
      />
      <LinkPicker
        orgId={orgId}
        legend="AI systems and models"
        frameworkNodes={false}
        hint="The AI systems and the models that use this dataset (to train, evaluate or run them)."
        links={values.links}
        onChange={(l) => set("links", l)}
        errors={errors.links}
      />
      <ComponentLinkAdder
        orgId={orgId}
        kinds={["ai_model"]}
        links={values.links}
        onChange={(l) => set("links", l)}
      />
      <FormActions busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}

const newRoute = getRouteApi("/orgs/$orgId/datasets/new");
const editRoute = getRouteApi("/orgs/$orgId/datasets/$datasetId/edit");

export function DatasetNewPage() {
  const { orgId } = newRoute.useParams();
  const navigate = useNavigate();
  const can = useCan(orgId);
  return (
    <>
      <DatasetBreadcrumb orgId={orgId} />
      <PageHeader title="Record a dataset" />
      {can("ai_system.update") ? (
        <DatasetForm
          orgId={orgId}
          onSaved={(d) =>
            void navigate({ to: "/orgs/$orgId/datasets/$datasetId", params: { orgId, datasetId: d.id } })
          }
          onCancel={() => void navigate({ to: "/orgs/$orgId/datasets", params: { orgId } })}
        />
      ) : (
        <Alert>Your role does not allow recording datasets.</Alert>
      )}
    </>
  );
}

export function DatasetEditPage() {
  const { orgId, datasetId } = editRoute.useParams();
  const navigate = useNavigate();
  const query = useDataset(orgId, datasetId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const back = () => void navigate({ to: "/orgs/$orgId/datasets/$datasetId", params: { orgId, datasetId } });
  return (
    <>
      <DatasetBreadcrumb orgId={orgId} />
      <PageHeader title={`Edit ${query.data.name}`} />
      <DatasetForm orgId={orgId} existing={query.data} onSaved={back} onCancel={back} />
    </>
  );
}
