import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { evidenceApi, isApiError, type EvidenceDetailView } from "../../api";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { TextField } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { issuesAt } from "../../lib/field-errors";
import { EvidenceDescriptionAndDates, type EvidenceTextValues } from "./evidence-fields";
import { useAfterEvidenceWrite } from "./queries";

const textOf = (item: EvidenceDetailView): EvidenceTextValues => ({
  description: item.description,
  collectedAt: item.collectedAt.slice(0, 10),
  validUntil: item.validUntil ?? "",
});

/** Edits the metadata; the file itself never changes (a new file is a new item). */
export function EditEvidenceDialog({
  orgId,
  item,
  open,
  onOpenChange,
}: OrgDialogProps & {
  item: EvidenceDetailView;
}) {
  const after = useAfterEvidenceWrite(orgId);
  const [title, setTitle] = useState(item.title);
  const [url, setUrl] = useState(item.url ?? "");
  const [text, setText] = useState<EvidenceTextValues>(() => textOf(item));
  const { description, collectedAt, validUntil } = text;
  useEffect(() => {
    if (!open) return;
    setTitle(item.title);
    setUrl(item.url ?? "");
    setText(textOf(item));
  }, [open, item]);
  const save = useMutation({
    mutationFn: () =>
      evidenceApi.update(orgId, item.id, {
        version: item.version,
        title,
        description,
        ...(item.kind === "link" ? { url } : {}),
        ...(collectedAt !== item.collectedAt.slice(0, 10) ? { collectedAt } : {}),
        validUntil: validUntil || null,
      }),
    onSuccess: async (fresh) => {
      await after(fresh);
      onOpenChange(false);
    },
  });
  const errorsFor = issuesAt(isApiError(save.error) ? save.error.issues : []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Edit evidence">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errorsFor("title")}
        />
        {item.kind === "link" && (
          <TextField
            label="URL"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            errors={errorsFor("url")}
          />
        )}
        <EvidenceDescriptionAndDates
          values={text}
          onChange={(field, value) => setText((t) => ({ ...t, [field]: value }))}
          errorsFor={errorsFor}
          hints={{ validUntil: "Empty: no end date." }}
        />
        <FormErrorAlert mutation={save} />
        <DialogFormActions onCancel={() => onOpenChange(false)} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
