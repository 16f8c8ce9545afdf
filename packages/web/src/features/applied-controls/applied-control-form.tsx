import { useState } from "react";
import {
  appliedControlCategories,
  appliedControlStatuses,
  implementationStatusLabels,
  type AppliedControlCategory,
  type AppliedControlStatus,
  type LinkView,
} from "@openaims/core";
import { isApiError, type AppliedControlView } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { Alert, FormErrorAlert } from "../../components/states";
import { EvidenceLinkPicker } from "../evidence/evidence-link-picker";
import { useOwnerOptions } from "../members/owner-options";
import { fieldErrors } from "../scope-context/queries";
import { categoryLabel } from "../soa/soa-labels";

export interface AppliedControlValues {
  name: string;
  description: string;
  category: AppliedControlCategory;
  status: AppliedControlStatus;
  ownerId: string | null;
  additional: boolean;
  links: { type: LinkView["type"]; id: string }[];
}

/** The fields of an applied control; the server validates (same zod schema) and names the field in errors. */
export function AppliedControlForm({
  orgId,
  existing,
  mutation,
  onSubmit,
  submitLabel,
  onCancel,
}: {
  orgId: string;
  existing?: AppliedControlView;
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  onSubmit: (values: AppliedControlValues) => void;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [category, setCategory] = useState<AppliedControlCategory>(existing?.category ?? "process");
  const [status, setStatus] = useState<AppliedControlStatus>(existing?.status ?? "not_started");
  const [ownerId, setOwnerId] = useState(existing?.ownerId ?? "");
  const [additional, setAdditional] = useState(existing?.additional ?? false);
  const [links, setLinks] = useState<LinkView[]>(existing?.links ?? []);
  const ownerOptions = useOwnerOptions(orgId, ownerId, existing?.ownerName);
  const conflict = isApiError(mutation.error) && mutation.error.code === "conflict";
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          name,
          description,
          category,
          status,
          ownerId: ownerId || null,
          additional,
          links: links.map((l) => ({ type: l.type, id: l.id })),
        });
      }}
    >
      <TextField
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={fieldErrors(mutation.error, "name")}
      />
      <TextAreaField
        label="Description"
        hint="What you do, how, and how often."
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={fieldErrors(mutation.error, "description")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value as AppliedControlCategory)}
          options={appliedControlCategories.map((c) => ({ value: c, label: categoryLabel(c) }))}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as AppliedControlStatus)}
          options={appliedControlStatuses.map((s) => ({ value: s, label: implementationStatusLabels[s] }))}
        />
        <SelectField
          label="Owner"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          options={ownerOptions}
          errors={fieldErrors(mutation.error, "ownerId")}
        />
      </div>
      <Checkbox
        label="List in the SoA as an additional control"
        description="For a control of your own that is not in Annex A; it then gets its own SoA entry."
        checked={additional}
        onChange={(e) => setAdditional(e.target.checked)}
      />
      <div>
        <p className="mb-1 text-sm font-medium text-slate-900">Implements</p>
        <EvidenceLinkPicker orgId={orgId} links={links} onChange={setLinks} />
        {fieldErrors(mutation.error, "links")?.map((m) => (
          <p key={m} className="text-sm text-red-700">
            {m}
          </p>
        ))}
      </div>
      {conflict && (
        <Alert>Someone else changed this control since you loaded it. Reload the page and try again.</Alert>
      )}
      {!conflict && <FormErrorAlert mutation={mutation} />}
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
