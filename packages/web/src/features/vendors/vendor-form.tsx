import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Plus, Trash2 } from "lucide-react";
import {
  CreateVendorInput,
  responsibilityParties,
  UpdateVendorInput,
  vendorRiskRatings,
  type LinkView,
  type VendorResponsibility,
} from "@openaims/core";
import { vendorsApi, type VendorView } from "../../api";
import { Button } from "../../components/button";
import { FieldErrorList, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { FormActions } from "../../components/form-actions";
import { LinkPicker } from "../../components/link-picker";
import { RecordFormAlerts } from "../../components/record-form-alerts";
import { ComponentLinkAdder } from "../models/component-link-adder";
import {
  EditInventoryRecordPage,
  NewInventoryRecordPage,
  useInventorySave,
} from "../models/inventory-record-form";
import { useAfterVendorWrite, useVendor } from "./queries";
import { VendorBreadcrumb } from "./vendor-pages";

const partyLabels: Record<VendorResponsibility["party"], string> = {
  organization: "Our organization",
  vendor: "The vendor",
  shared: "Shared",
};

type Values = {
  name: string;
  supplies: string;
  contact: string;
  contractReference: string;
  contractStart: string;
  contractEnd: string;
  reviewDate: string;
  riskRating: string;
  responsibilities: VendorResponsibility[];
  customerObligations: string;
  notes: string;
  links: LinkView[];
};

const fromView = (v?: VendorView): Values => ({
  name: v?.name ?? "",
  supplies: v?.supplies ?? "",
  contact: v?.contact ?? "",
  contractReference: v?.contractReference ?? "",
  contractStart: v?.contractStart ?? "",
  contractEnd: v?.contractEnd ?? "",
  reviewDate: v?.reviewDate ?? "",
  riskRating: v?.riskRating ?? "",
  responsibilities: v?.responsibilities.map((r) => ({ ...r })) ?? [],
  customerObligations: v?.customerObligations ?? "",
  notes: v?.notes ?? "",
  links: v?.links.map((l) => ({ ...l })) ?? [],
});

/** The allocation of responsibilities (A.10.2): one row per topic, who carries it, and notes. */
function ResponsibilitiesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: VendorResponsibility[];
  onChange: (rows: VendorResponsibility[]) => void;
  errors?: string[] | undefined;
}) {
  const setRow = (i: number, patch: Partial<VendorResponsibility>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">Responsibilities (A.10.2)</legend>
      <p className="text-xs text-slate-600">
        Who is responsible for what between your organization and the vendor: monitoring, incident handling,
        updates, regulatory duties.
      </p>
      {rows.map((r, i) => (
        <div key={i} className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_2fr_auto]">
          <TextField
            label={`Topic ${i + 1}`}
            value={r.topic}
            onChange={(e) => setRow(i, { topic: e.target.value })}
          />
          <SelectField
            label="Who"
            value={r.party}
            onChange={(e) => setRow(i, { party: e.target.value as VendorResponsibility["party"] })}
            options={responsibilityParties.map((p) => ({ value: p, label: partyLabels[p] }))}
          />
          <TextField label="Notes" value={r.notes} onChange={(e) => setRow(i, { notes: e.target.value })} />
          <Button
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove responsibility ${i + 1}`}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...rows, { topic: "", party: "shared", notes: "" }])}>
        <Plus className="size-4" aria-hidden="true" />
        Add responsibility
      </Button>
      {errors?.length ? <FieldErrorList errors={errors} /> : null}
    </fieldset>
  );
}

export function VendorForm({
  orgId,
  existing,
  onSaved,
  onCancel,
}: {
  orgId: string;
  existing?: VendorView;
  onSaved: (v: VendorView) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => fromView(existing));
  const { save, errors, submit } = useInventorySave({
    existing,
    create: (body: CreateVendorInput) => vendorsApi.create(orgId, body),
    update: (id, body: UpdateVendorInput) => vendorsApi.update(orgId, id, body),
    after: useAfterVendorWrite(orgId),
    onSaved,
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const orNull = (s: string) => (s === "" ? null : s);
  const onSubmit = submit(
    () => ({
      ...values,
      contractStart: orNull(values.contractStart),
      contractEnd: orNull(values.contractEnd),
      reviewDate: orNull(values.reviewDate),
      riskRating: orNull(values.riskRating),
      links: values.links.map(({ type, id }) => ({ type, id })),
    }),
    { create: CreateVendorInput, update: UpdateVendorInput },
  );
  const text = (k: "name" | "contact" | "contractReference", label: string, extra = {}) => (
    <TextField
      label={label}
      name={k}
      value={values[k]}
      onChange={(e) => set(k, e.target.value)}
      errors={errors[k]}
      {...extra}
    />
  );
  const area = (k: "supplies" | "customerObligations" | "notes", label: string, hint?: string) => (
    <TextAreaField
      label={label}
      name={k}
      rows={3}
      hint={hint}
      value={values[k]}
      onChange={(e) => set(k, e.target.value)}
      errors={errors[k]}
    />
  );
  const date = (k: "contractStart" | "contractEnd" | "reviewDate", label: string, hint?: string) => (
    <TextField
      label={label}
      name={k}
      type="date"
      hint={hint}
      value={values[k]}
      onChange={(e) => set(k, e.target.value)}
      errors={errors[k]}
    />
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-6"
      aria-label={existing ? "Edit vendor" : "Record vendor"}
    >
      <RecordFormAlerts mutation={save} errors={errors} record="This vendor" />
      {text("name", "Name", { "aria-required": "true", hint: "Required." })}
      {area("supplies", "What it supplies", "In words: the AI systems, models, data or services.")}
      {text("contact", "Contact")}
      {text("contractReference", "Contract reference")}
      <div className="grid gap-4 sm:grid-cols-3">
        {date("contractStart", "Contract start")}
        {date("contractEnd", "Contract end")}
        {date("reviewDate", "Next review", "Systems it supplies are flagged once this date has passed.")}
      </div>
      <SelectField
        label="Risk rating"
        name="riskRating"
        hint="Your decision; the due-diligence questionnaire suggests one. High and critical flag the systems it supplies."
        value={values.riskRating}
        onChange={(e) => set("riskRating", e.target.value)}
        errors={errors.riskRating}
        options={[
          { value: "", label: "Not rated" },
          ...vendorRiskRatings.map((r) => ({ value: r, label: r })),
        ]}
      />
      <ResponsibilitiesEditor
        rows={values.responsibilities}
        onChange={(r) => set("responsibilities", r)}
        errors={errors.responsibilities}
      />
      {area(
        "customerObligations",
        "Obligations to your customers (A.10.4)",
        "What you owe your own customers because of this supply: information, notices, support.",
      )}
      {area("notes", "Notes")}
      <LinkPicker
        orgId={orgId}
        legend="What it supplies (records)"
        frameworkNodes={false}
        hint="The AI systems, models and datasets this vendor provides."
        links={values.links}
        onChange={(l) => set("links", l)}
        errors={errors.links}
      />
      <ComponentLinkAdder
        orgId={orgId}
        kinds={["ai_model", "dataset"]}
        links={values.links}
        onChange={(l) => set("links", l)}
      />
      <FormActions busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}

const newRoute = getRouteApi("/orgs/$orgId/vendors/new");
const editRoute = getRouteApi("/orgs/$orgId/vendors/$vendorId/edit");

export function VendorNewPage() {
  const { orgId } = newRoute.useParams();
  const navigate = useNavigate();
  return (
    <NewInventoryRecordPage
      orgId={orgId}
      breadcrumb={<VendorBreadcrumb orgId={orgId} />}
      title="Record a vendor"
      refusal="Your role does not allow recording vendors."
    >
      <VendorForm
        orgId={orgId}
        onSaved={(v) =>
          void navigate({ to: "/orgs/$orgId/vendors/$vendorId", params: { orgId, vendorId: v.id } })
        }
        onCancel={() => void navigate({ to: "/orgs/$orgId/vendors", params: { orgId } })}
      />
    </NewInventoryRecordPage>
  );
}

export function VendorEditPage() {
  const { orgId, vendorId } = editRoute.useParams();
  const navigate = useNavigate();
  const back = () => void navigate({ to: "/orgs/$orgId/vendors/$vendorId", params: { orgId, vendorId } });
  return (
    <EditInventoryRecordPage
      query={useVendor(orgId, vendorId)}
      breadcrumb={() => <VendorBreadcrumb orgId={orgId} />}
    >
      {(v) => <VendorForm orgId={orgId} existing={v} onSaved={back} onCancel={back} />}
    </EditInventoryRecordPage>
  );
}
