import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { documentKinds, type DocumentKind } from "@openaims/core";
import { documentsApi, isApiError } from "../../api";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { SelectField, TextField } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { groupIssues } from "../../lib/field-errors";
import { kindLabels } from "./document-labels";
import { useAfterDocumentWrite } from "./queries";

/** A blank document: title and kind now, the text in the draft editor afterwards. */
export function NewDocumentDialog({ orgId, open, onOpenChange }: OrgDialogProps) {
  const navigate = useNavigate();
  const after = useAfterDocumentWrite(orgId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("policy");
  const [months, setMonths] = useState("12");
  const create = useMutation({
    mutationFn: () => documentsApi.create(orgId, { title, kind, reviewIntervalMonths: Number(months) || 12 }),
    onSuccess: async (doc) => {
      await after(doc);
      onOpenChange(false);
      void navigate({
        to: "/orgs/$orgId/documents/$documentId",
        params: { orgId, documentId: doc.id },
        search: { tab: "edit" },
      });
    },
  });
  const errors = isApiError(create.error) ? groupIssues(create.error.issues) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="New document">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errors.title}
          required
        />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
          options={documentKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          errors={errors.kind}
        />
        <TextField
          label="Review every (months)"
          type="number"
          min={1}
          max={60}
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          errors={errors.reviewIntervalMonths}
        />
        <FormErrorAlert mutation={create} />
        <DialogFormActions
          onCancel={() => onOpenChange(false)}
          busy={create.isPending}
          submitLabel="Create draft"
        />
      </form>
    </Dialog>
  );
}
