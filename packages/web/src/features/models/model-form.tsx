import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { CreateAiModelInput, UpdateAiModelInput, type LinkView, type ModelCard } from "@openaims/core";
import { modelsApi, type AiModelView } from "../../api";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { FormActions } from "../../components/form-actions";
import { LinkPicker } from "../../components/link-picker";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { EditInventoryRecordPage, NewInventoryRecordPage, useInventorySave } from "./inventory-record-form";
import { ModelBreadcrumb } from "./model-detail-page";
import { useAfterModelWrite, useModel } from "./queries";

type TextKey =
  | "name"
  | "modelVersion"
  | "modelType"
  | "provider"
  | "baseModel"
  | "trainingComputeFlop"
  | "licence"
  | "intendedUse"
  | "limitations"
  | "evaluationSummary"
  | "primaryUsers"
  | "outOfScopeUses"
  | "risksAndHarms"
  | "recommendations";
type Values = Record<TextKey, string> & {
  providerKind: "in_house" | "third_party";
  gpai: boolean;
  links: LinkView[];
};

const fromView = (m?: AiModelView): Values => ({
  name: m?.name ?? "",
  modelVersion: m?.modelVersion ?? "",
  modelType: m?.modelType ?? "",
  provider: m?.provider ?? "",
  baseModel: m?.baseModel ?? "",
  trainingComputeFlop: m?.trainingComputeFlop == null ? "" : String(m.trainingComputeFlop),
  licence: m?.licence ?? "",
  intendedUse: m?.intendedUse ?? "",
  limitations: m?.limitations ?? "",
  evaluationSummary: m?.evaluationSummary ?? "",
  primaryUsers: m?.modelCard.intendedUse?.primaryUsers ?? "",
  outOfScopeUses: m?.modelCard.intendedUse?.outOfScopeUses ?? "",
  risksAndHarms: m?.modelCard.ethicalConsiderations?.risksAndHarms ?? "",
  recommendations: m?.modelCard.caveatsAndRecommendations?.recommendations ?? "",
  providerKind: m?.providerKind ?? "in_house",
  gpai: m?.gpai ?? false,
  links: m?.links.map((l) => ({ ...l })) ?? [],
});

const opt = (s: string) => (s.trim() === "" ? undefined : s);

/** The form's values as the API's input; the card sections not on the form are kept as they are. */
function candidate(v: Values, existing?: AiModelView) {
  const prev: ModelCard = existing?.modelCard ?? {};
  const flop = v.trainingComputeFlop.trim();
  return {
    name: v.name,
    modelVersion: v.modelVersion,
    modelType: v.modelType,
    providerKind: v.providerKind,
    provider: v.provider,
    baseModel: v.baseModel,
    gpai: v.gpai,
    trainingComputeFlop: flop === "" ? null : Number.isFinite(Number(flop)) ? Number(flop) : flop,
    licence: v.licence,
    intendedUse: v.intendedUse,
    limitations: v.limitations,
    evaluationSummary: v.evaluationSummary,
    modelCard: {
      ...prev,
      intendedUse: {
        ...prev.intendedUse,
        primaryUsers: opt(v.primaryUsers),
        outOfScopeUses: opt(v.outOfScopeUses),
      },
      ethicalConsiderations: { ...prev.ethicalConsiderations, risksAndHarms: opt(v.risksAndHarms) },
      caveatsAndRecommendations: {
        ...prev.caveatsAndRecommendations,
        recommendations: opt(v.recommendations),
      },
    },
    links: v.links.map(({ type, id }) => ({ type, id })),
  };
}

export function ModelForm({
  orgId,
  existing,
  onSaved,
  onCancel,
}: {
  orgId: string;
  existing?: AiModelView;
  onSaved: (m: AiModelView) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => fromView(existing));
  const { save, errors, submit } = useInventorySave({
    existing,
    create: (body: CreateAiModelInput) => modelsApi.create(orgId, body),
    update: (id, body: UpdateAiModelInput) => modelsApi.update(orgId, id, body),
    after: useAfterModelWrite(orgId),
    onSaved,
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const bind = (key: TextKey, label: string, errorKey: string = key) => ({
    label,
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    errors: errors[errorKey],
  });
  const onSubmit = submit(() => candidate(values, existing), {
    create: CreateAiModelInput,
    update: UpdateAiModelInput,
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-6"
      aria-label={existing ? "Edit model" : "Record model"}
    >
      <RecordFormAlerts mutation={save} errors={errors} record="This model" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...bind("name", "Name")} aria-required="true" hint="Required." />
        <TextField {...bind("modelVersion", "Version")} hint="e.g. 2.1 or a release date" />
        <TextField {...bind("modelType", "Type")} hint="e.g. gradient-boosted trees, large language model" />
        <SelectField
          label="Provided by"
          name="providerKind"
          value={values.providerKind}
          onChange={(e) => set("providerKind", e.target.value as Values["providerKind"])}
          errors={errors.providerKind}
          options={[
            { value: "in_house", label: "In-house" },
            { value: "third_party", label: "A third party" },
          ]}
        />
        <TextField {...bind("provider", "Provider")} hint="The team or company that provides it." />
        <TextField {...bind("baseModel", "Base or foundation model")} />
        <TextField
          {...bind("trainingComputeFlop", "Training compute (FLOP)")}
          inputMode="decimal"
          hint="Estimated cumulative training compute, e.g. 1e24."
        />
        <TextField {...bind("licence", "Licence")} />
      </div>
      <Checkbox
        label="General-purpose AI model"
        description="A model that can competently perform a wide range of distinct tasks; systems using it are flagged for attention."
        checked={values.gpai}
        onChange={(e) => set("gpai", e.target.checked)}
      />
      <TextAreaField {...bind("intendedUse", "Intended use")} rows={3} />
      <TextAreaField {...bind("limitations", "Limitations")} rows={3} />
      <TextAreaField {...bind("evaluationSummary", "Evaluation summary")} rows={3} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-900">Model card (selected sections)</legend>
        <TextAreaField
          {...bind("primaryUsers", "Primary intended users", "modelCard.intendedUse")}
          rows={2}
        />
        <TextAreaField {...bind("outOfScopeUses", "Out-of-scope uses", "modelCard.intendedUse")} rows={2} />
        <TextAreaField
          {...bind("risksAndHarms", "Risks and harms", "modelCard.ethicalConsiderations")}
          rows={2}
        />
        <TextAreaField
          {...bind("recommendations", "Recommendations", "modelCard.caveatsAndRecommendations")}
          rows={2}
        />
      </fieldset>
      <LinkPicker
        orgId={orgId}
        legend="AI systems"
        frameworkNodes={false}
        hint="The AI systems this model is part of. Only AI systems can be linked to a model."
        links={values.links}
        onChange={(l) => set("links", l)}
        errors={errors.links}
      />
      <FormActions busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}

const newRoute = getRouteApi("/orgs/$orgId/models/new");
const editRoute = getRouteApi("/orgs/$orgId/models/$modelId/edit");

export function ModelNewPage() {
  const { orgId } = newRoute.useParams();
  const navigate = useNavigate();
  return (
    <NewInventoryRecordPage
      orgId={orgId}
      breadcrumb={<ModelBreadcrumb orgId={orgId} />}
      title="Record an AI model"
      refusal="Your role does not allow recording models."
    >
      <ModelForm
        orgId={orgId}
        onSaved={(m) =>
          void navigate({ to: "/orgs/$orgId/models/$modelId", params: { orgId, modelId: m.id } })
        }
        onCancel={() => void navigate({ to: "/orgs/$orgId/models", params: { orgId } })}
      />
    </NewInventoryRecordPage>
  );
}

export function ModelEditPage() {
  const { orgId, modelId } = editRoute.useParams();
  const navigate = useNavigate();
  const back = () => void navigate({ to: "/orgs/$orgId/models/$modelId", params: { orgId, modelId } });
  return (
    <EditInventoryRecordPage
      query={useModel(orgId, modelId)}
      breadcrumb={(m) => <ModelBreadcrumb orgId={orgId} current={{ id: modelId, name: m.name }} />}
    >
      {(m) => <ModelForm orgId={orgId} existing={m} onSaved={back} onCancel={back} />}
    </EditInventoryRecordPage>
  );
}
