import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { CreateDatasetInput, UpdateDatasetInput, type LinkView } from "@openaims/core";
import { datasetsApi, type DatasetView } from "../../api";
import { Checkbox, TextAreaField, TextField } from "../../components/form-controls";
import { FormActions } from "../../components/form-actions";
import { LinkPicker } from "../../components/link-picker";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { DatasetBreadcrumb } from "./dataset-detail-page";
import { useAfterDatasetWrite, useDataset } from "./queries";
import { ComponentLinkAdder } from "../models/component-link-adder";
import {
  EditInventoryRecordPage,
  NewInventoryRecordPage,
  useInventorySave,
} from "../models/inventory-record-form";

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
  const { save, errors, submit } = useInventorySave({
    existing,
    create: (body: CreateDatasetInput) => datasetsApi.create(orgId, body),
    update: (id, body: UpdateDatasetInput) => datasetsApi.update(orgId, id, body),
    after: useAfterDatasetWrite(orgId),
    onSaved,
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const onSubmit = submit(
    () => ({
      ...Object.fromEntries(textKeys.map(([k]) => [k, values[k]])),
      provenance: values.provenance
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
      personalData: values.personalData || values.specialCategories,
      specialCategories: values.specialCategories,
      links: values.links.map(({ type, id }) => ({ type, id })),
    }),
    { create: CreateDatasetInput, update: UpdateDatasetInput },
  );
  return (
    <form
      onSubmit={onSubmit}
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
  return (
    <NewInventoryRecordPage
      orgId={orgId}
      breadcrumb={<DatasetBreadcrumb orgId={orgId} />}
      title="Record a dataset"
      refusal="Your role does not allow recording datasets."
    >
      <DatasetForm
        orgId={orgId}
        onSaved={(d) =>
          void navigate({ to: "/orgs/$orgId/datasets/$datasetId", params: { orgId, datasetId: d.id } })
        }
        onCancel={() => void navigate({ to: "/orgs/$orgId/datasets", params: { orgId } })}
      />
    </NewInventoryRecordPage>
  );
}

export function DatasetEditPage() {
  const { orgId, datasetId } = editRoute.useParams();
  const navigate = useNavigate();
  const back = () => void navigate({ to: "/orgs/$orgId/datasets/$datasetId", params: { orgId, datasetId } });
  return (
    <EditInventoryRecordPage
      query={useDataset(orgId, datasetId)}
      breadcrumb={() => <DatasetBreadcrumb orgId={orgId} />}
    >
      {(d) => <DatasetForm orgId={orgId} existing={d} onSaved={back} onCancel={back} />}
    </EditInventoryRecordPage>
  );
}
