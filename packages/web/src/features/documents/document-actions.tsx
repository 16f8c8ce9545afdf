import { useState, type FormEvent } from "react";
import { Archive, BadgeCheck, CalendarCheck, FilePen, Pencil, Send, Undo2, Upload } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { documentKinds, type DocumentKind } from "@openaims/core";
import { documentsApi, isApiError, type DocumentActionPath, type DocumentView } from "../../api";
import { Button } from "../../components/button";
import { Dialog, DialogActions, DialogFormActions } from "../../components/dialog";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { Alert, errorMessage, FormErrorAlert } from "../../components/states";
import { groupIssues } from "../../lib/field-errors";
import { useMemberDirectory } from "../members/queries";
import { kindLabels } from "./document-labels";
import { useAfterDocumentWrite, useDocumentAction } from "./queries";

type Dialogs = "reject" | "retire" | "review" | "approve" | "details" | null;

/** The workflow buttons: exactly those the server's `abilities` allow for this caller and state. */
export function DocumentActions({
  orgId,
  doc,
  onEdit,
}: {
  orgId: string;
  doc: DocumentView;
  onEdit: () => void;
}) {
  const action = useDocumentAction(orgId);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const a = doc.abilities;
  const run = (path: DocumentActionPath, comment?: string) =>
    action.mutate({ doc, action: path, comment }, { onSuccess: () => setDialog(null) });
  const busy = action.isPending;
  const fourEyes =
    isApiError(action.error) && (action.error.details as { rule?: string } | null)?.rule === "four_eyes";

  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap gap-2">
        {a.editDraft && (
          <Button onClick={onEdit}>
            <FilePen className="size-4" aria-hidden="true" />
            Edit draft
          </Button>
        )}
        {a.submit && (
          <Button variant="primary" busy={busy} onClick={() => run("submit")}>
            <Send className="size-4" aria-hidden="true" />
            Submit for review
          </Button>
        )}
        {a.approve && (
          <Button variant="primary" busy={busy} onClick={() => setDialog("approve")}>
            <BadgeCheck className="size-4" aria-hidden="true" />
            Approve version {doc.latestVersion}
          </Button>
        )}
        {a.publish && (
          <Button variant="primary" busy={busy} onClick={() => run("publish")}>
            <Upload className="size-4" aria-hidden="true" />
            Publish version {doc.latestVersion}
          </Button>
        )}
        {a.reject && (
          <Button busy={busy} onClick={() => setDialog("reject")}>
            <Undo2 className="size-4" aria-hidden="true" />
            Send back to draft
          </Button>
        )}
        {a.newDraft && (
          <Button busy={busy} onClick={() => run("new-draft")}>
            <FilePen className="size-4" aria-hidden="true" />
            Start a new version
          </Button>
        )}
        {a.markReviewed && (
          <Button busy={busy} onClick={() => setDialog("review")}>
            <CalendarCheck className="size-4" aria-hidden="true" />
            Mark reviewed
          </Button>
        )}
        {a.update && (
          <Button onClick={() => setDialog("details")}>
            <Pencil className="size-4" aria-hidden="true" />
            Details
          </Button>
        )}
        {a.retire && (
          <Button variant="ghost" onClick={() => setDialog("retire")}>
            <Archive className="size-4" aria-hidden="true" />
            Retire
          </Button>
        )}
      </div>
      {doc.status === "in_review" && !a.approve && (
        <p className="text-sm text-slate-700">
          Version {doc.latestVersion} waits for approval by someone with the right to approve who did not
          write or edit it.
        </p>
      )}
      {action.isError && dialog === null && (
        <Alert>
          {fourEyes ? `${errorMessage(action.error)} Ask another approver.` : errorMessage(action.error)}
        </Alert>
      )}
      <CommentDialog
        open={dialog === "approve"}
        onOpenChange={(o) => setDialog(o ? "approve" : null)}
        title={`Approve version ${doc.latestVersion}`}
        description="Your approval is recorded with your name. Publishing afterwards puts the version in force."
        confirm="Approve"
        busy={busy}
        error={action.error}
        onConfirm={(c) => run("approve", c)}
      />
      <CommentDialog
        open={dialog === "reject"}
        onOpenChange={(o) => setDialog(o ? "reject" : null)}
        title="Send back to draft"
        description="Say what needs to change; the author sees your comment on the draft."
        confirm="Send back"
        required
        busy={busy}
        error={action.error}
        onConfirm={(c) => run("reject", c)}
      />
      <CommentDialog
        open={dialog === "review"}
        onOpenChange={(o) => setDialog(o ? "review" : null)}
        title="Record a periodic review"
        description={`Confirms the version in force is still right. The next review is then due in ${doc.reviewIntervalMonths} months.`}
        confirm="Mark reviewed"
        busy={busy}
        error={action.error}
        onConfirm={(c) => run("mark-reviewed", c)}
      />
      <CommentDialog
        open={dialog === "retire"}
        onOpenChange={(o) => setDialog(o ? "retire" : null)}
        title="Retire this document"
        description="The document is withdrawn: no version stays in force and it can no longer change. This cannot be undone."
        confirm="Retire"
        danger
        busy={busy}
        error={action.error}
        onConfirm={(c) => run("retire", c)}
      />
      {dialog === "details" && <DetailsDialog orgId={orgId} doc={doc} onClose={() => setDialog(null)} />}
    </div>
  );
}

function CommentDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirm: string;
  required?: boolean;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: (comment: string) => void;
}) {
  const [comment, setComment] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onConfirm(comment.trim());
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.title}
      description={props.description}
    >
      <form onSubmit={submit} className="space-y-4">
        <TextAreaField
          label={props.required ? "Comment" : "Comment (optional)"}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          required={props.required}
        />
        {props.error ? <Alert>{errorMessage(props.error)}</Alert> : null}
        <DialogActions>
          <Button onClick={() => props.onOpenChange(false)}>Cancel</Button>
          <Button
            type="submit"
            variant={props.danger ? "danger" : "primary"}
            busy={props.busy}
            disabled={props.required && comment.trim() === ""}
          >
            {props.confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Title, kind, owner and review interval. */
function DetailsDialog({ orgId, doc, onClose }: { orgId: string; doc: DocumentView; onClose: () => void }) {
  const after = useAfterDocumentWrite(orgId);
  const members = useMemberDirectory(orgId);
  const [title, setTitle] = useState(doc.title);
  const [kind, setKind] = useState<DocumentKind>(doc.kind);
  const [ownerId, setOwnerId] = useState(doc.ownerId ?? "");
  const [months, setMonths] = useState(String(doc.reviewIntervalMonths));
  const save = useMutation({
    mutationFn: () =>
      documentsApi.update(orgId, doc.id, {
        version: doc.version,
        title,
        kind,
        ownerId: ownerId || null,
        reviewIntervalMonths: Number(months),
      }),
    onSuccess: async (d) => {
      await after(d);
      onClose();
    },
  });
  const errors = isApiError(save.error) ? groupIssues(save.error.issues) : {};
  const owners = (members.data?.items ?? []).filter((m) => m.status === "active");
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Document details">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        className="space-y-4"
        noValidate
      >
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errors.title}
        />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
          options={documentKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          errors={errors.kind}
        />
        <SelectField
          label="Owner"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          options={[
            { value: "", label: "No owner" },
            ...owners.map((m) => ({ value: m.userId, label: m.name || m.email })),
            ...(doc.ownerId && !owners.some((m) => m.userId === doc.ownerId)
              ? [{ value: doc.ownerId, label: doc.ownerName ?? doc.ownerId }]
              : []),
          ]}
          errors={errors.ownerId}
        />
        <TextField
          label="Review every (months)"
          type="number"
          min={1}
          max={60}
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          errors={errors.reviewIntervalMonths}
          hint={
            doc.publishedVersion !== null
              ? "Changing it moves the next review date, counted from the last review."
              : undefined
          }
        />
        <FormErrorAlert mutation={save} />
        <DialogFormActions onCancel={onClose} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
