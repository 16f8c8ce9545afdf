import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { documentsApi, isApiError, type DocumentView } from "../../api";
import { Button } from "../../components/button";
import { TextAreaField, TextField } from "../../components/form-controls";
import { MarkdownView } from "../../components/markdown-view";
import { Alert, FormErrorAlert } from "../../components/states";
import { groupIssues } from "../../lib/field-errors";
import { useAfterDocumentWrite } from "./queries";

/** Textarea and live preview for the open draft; saving sends the document version read (409 if stale). */
export function DraftEditor({
  orgId,
  doc,
  onDone,
}: {
  orgId: string;
  doc: DocumentView;
  onDone: () => void;
}) {
  const draft = doc.latest;
  const [body, setBody] = useState(draft.body);
  const [summary, setSummary] = useState(draft.changeSummary);
  const after = useAfterDocumentWrite(orgId);
  const save = useMutation({
    mutationFn: () =>
      documentsApi.editDraft(orgId, doc.id, draft.number, {
        version: doc.version,
        body,
        changeSummary: summary,
      }),
    onSuccess: after,
  });
  const errors = isApiError(save.error) ? groupIssues(save.error.issues) : {};
  const dirty = body !== draft.body || summary !== draft.changeSummary;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">
        Editing version {draft.number} (draft). Whoever edits a draft cannot approve it later.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          label="Text (Markdown)"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={28}
          className="font-mono"
          errors={errors.body}
          hint="# Heading, **bold**, *italic*, - lists, 1. numbered, | tables |, [link](https://…)"
        />
        <div>
          <p className="mb-1 text-sm font-medium text-slate-900">Preview</p>
          <div className="max-h-[42rem] overflow-y-auto rounded-md border border-slate-200 bg-white p-4">
            <MarkdownView text={body} />
          </div>
        </div>
      </div>
      <TextField
        label="Change summary"
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        errors={errors.changeSummary}
        hint="What changed in this version and why; shown in the version list."
      />
      {isApiError(save.error) && save.error.status === 409 ? (
        <Alert>{save.error.message} Copy your text before reloading.</Alert>
      ) : (
        <FormErrorAlert mutation={save} />
      )}
      {save.isSuccess && !dirty && <Alert tone="success">Draft saved.</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!dirty}>
          Save draft
        </Button>
        <Button onClick={onDone}>Back to the text</Button>
      </div>
    </form>
  );
}
