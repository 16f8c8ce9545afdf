import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { evidenceApi, isApiError, type EvidenceDetailView } from "../../api";
import { Button } from "../../components/button";
import { Dialog, DialogActions } from "../../components/dialog";
import { TextAreaField, TextField } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { useAfterEvidenceWrite } from "./queries";

/** Edits the metadata; the file itself never changes (a new file is a new item). */
export function EditEvidenceDialog({
  orgId,
  item,
  open,
  onOpenChange,
}: {
  orgId: string;
  item: EvidenceDetailView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const after = useAfterEvidenceWrite(orgId);
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description);
  const [url, setUrl] = useState(item.url ?? "");
  const [collectedAt, setCollectedAt] = useState(item.collectedAt.slice(0, 10));
  const [validUntil, setValidUntil] = useState(item.validUntil ?? "");
  useEffect(() => {
    if (!open) return;
    setTitle(item.title);
    setDescription(item.description);
    setUrl(item.url ?? "");
    setCollectedAt(item.collectedAt.slice(0, 10));
    setValidUntil(item.validUntil ?? "");
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
  const issues = isApiError(save.error) ? save.error.issues : [];
  const errorsFor = (p: string) => issues.filter((i) => i.path === p).map((i) => i.message);
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
        <TextAreaField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          errors={errorsFor("description")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Collected on"
            type="date"
            value={collectedAt}
            onChange={(e) => setCollectedAt(e.target.value)}
            errors={errorsFor("collectedAt")}
          />
          <TextField
            label="Valid until"
            type="date"
            value={validUntil}
            onChange={(e) => setValidUntil(e.target.value)}
            hint="Empty: no end date."
            errors={errorsFor("validUntil")}
          />
        </div>
        <FormErrorAlert mutation={save} />
        <DialogActions>
          <Button type="button" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
