import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { LinkView } from "@openaims/core";
import { evidenceApi, isApiError } from "../../api";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { TextField } from "../../components/form-controls";
import { Alert, errorMessage } from "../../components/states";
import { issuesAt } from "../../lib/field-errors";
import { EvidenceLinkPicker } from "./evidence-link-picker";
import { formatSize } from "./evidence-labels";
import { EvidenceDescriptionAndDates, type EvidenceTextValues } from "./evidence-fields";
import { useAfterEvidenceWrite } from "./queries";

const noText: EvidenceTextValues = { description: "", collectedAt: "", validUntil: "" };

/** Adds a file or a link, with its links to clauses, controls and AI systems, in one request. */
export function AddEvidenceDialog({ orgId, open, onOpenChange }: OrgDialogProps) {
  const navigate = useNavigate();
  const after = useAfterEvidenceWrite(orgId);
  const [kind, setKind] = useState<"file" | "link">("file");
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState<EvidenceTextValues>(noText);
  const { description, collectedAt, validUntil } = text;
  const [links, setLinks] = useState<LinkView[]>([]);

  const reset = () => {
    setFile(null);
    setUrl("");
    setTitle("");
    setText(noText);
    setLinks([]);
  };
  const save = useMutation({
    mutationFn: () => {
      const targets = links.map((l) => ({ type: l.type, id: l.id }));
      if (kind === "file")
        return evidenceApi.upload(orgId, file!, {
          title: title.trim() || undefined,
          description,
          validUntil: validUntil || undefined,
          collectedAt: collectedAt || undefined,
          links: targets,
        });
      return evidenceApi.createLink(orgId, {
        kind: "link",
        url: url.trim(),
        title: title.trim() || url.trim(),
        description,
        validUntil: validUntil || null,
        ...(collectedAt ? { collectedAt } : {}),
        links: targets,
      });
    },
    onSuccess: async (item) => {
      await after(item);
      onOpenChange(false);
      reset();
      void navigate({ to: "/orgs/$orgId/evidence/$evidenceId", params: { orgId, evidenceId: item.id } });
    },
  });
  const errorsFor = issuesAt(isApiError(save.error) ? save.error.issues : []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const ready = kind === "file" ? file !== null : url.trim() !== "";

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add evidence" wide>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <fieldset className="flex gap-4">
          <legend className="sr-only">Kind of evidence</legend>
          {(["file", "link"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm text-slate-900">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "file" ? "Upload a file" : "Link to a page"}
            </label>
          ))}
        </fieldset>
        {kind === "file" ? (
          <div className="space-y-1">
            <label htmlFor="evidence-file" className="block text-sm font-medium text-slate-900">
              File
            </label>
            <input
              id="evidence-file"
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-900 file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5"
            />
            <p className="text-xs text-slate-600">
              {file ? `${file.name}, ${formatSize(file.size)}. ` : ""}Up to 25 MB; the type is read from the
              content.
            </p>
          </div>
        ) : (
          <TextField
            label="URL"
            type="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            errors={errorsFor("url")}
          />
        )}
        <TextField
          label="Title"
          hint={kind === "file" ? "Defaults to the file name." : "Defaults to the URL."}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errorsFor("title")}
        />
        <EvidenceDescriptionAndDates
          values={text}
          onChange={(field, value) => setText((t) => ({ ...t, [field]: value }))}
          errorsFor={errorsFor}
          hints={{
            collectedAt: "Defaults to today.",
            validUntil: "After this date the evidence shows as stale.",
          }}
        />
        <EvidenceLinkPicker orgId={orgId} links={links} onChange={setLinks} />
        {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
        <DialogFormActions
          onCancel={() => onOpenChange(false)}
          busy={save.isPending}
          disabled={!ready}
          submitLabel="Add evidence"
        />
      </form>
    </Dialog>
  );
}
