import { useState } from "react";
import {
  implementationStatuses,
  implementationStatusLabels,
  type ImplementationStatus,
} from "@openaims/core";
import { isApiError, soaApi, type SoaEntryView } from "../../api";
import { Button } from "../../components/button";
import { Dialog, DialogActions, DialogClose, type OrgDialogProps } from "../../components/dialog";
import { Checkbox, SelectField, TextAreaField } from "../../components/form-controls";
import { Alert, FormErrorAlert } from "../../components/states";
import { useOwnerOptions } from "../members/owner-options";
import { fieldErrors } from "../scope-context/queries";
import { useAppliedControls, useSoaMutation } from "./queries";

type Answer = "yes" | "no" | "";
const toAnswer = (a: boolean | null): Answer => (a === true ? "yes" : a === false ? "no" : "");

/** Edits one SoA entry; the server applies the rules (justification either way, not_applicable iff excluded). */
export function SoaEntryDialog({
  orgId,
  entry,
  open,
  onOpenChange,
}: OrgDialogProps & {
  entry: SoaEntryView;
}) {
  const [answer, setAnswer] = useState<Answer>(toAnswer(entry.applicable));
  const [justification, setJustification] = useState(entry.justification);
  const [status, setStatus] = useState<ImplementationStatus>(entry.implementationStatus);
  const [ownerId, setOwnerId] = useState(entry.ownerId ?? "");
  const [notes, setNotes] = useState(entry.notes);
  const [controlIds, setControlIds] = useState(entry.appliedControls.map((c) => c.id));
  const ownerOptions = useOwnerOptions(orgId, ownerId, entry.ownerName, open);
  const controls = useAppliedControls(orgId, { limit: 200 });
  const save = useSoaMutation(orgId, () =>
    soaApi.updateEntry(orgId, entry.controlId, {
      version: entry.version,
      applicable: answer === "" ? null : answer === "yes",
      justification,
      implementationStatus: status,
      ownerId: ownerId || null,
      notes,
      ...(entry.kind === "annex_a" ? { appliedControlIds: controlIds } : {}),
    }),
  );
  const conflict = isApiError(save.error) && save.error.code === "conflict";

  // the status follows the answer, as on the server, unless the user picks one
  const onAnswer = (next: Answer) => {
    setAnswer(next);
    if (next === "no") setStatus("not_applicable");
    else if (status === "not_applicable") setStatus("not_started");
  };
  const statusOptions = implementationStatuses
    .filter((s) => (answer === "no" ? s === "not_applicable" : s !== "not_applicable"))
    .map((s) => ({ value: s, label: implementationStatusLabels[s] }));
  const available = (controls.data?.items ?? []).filter((c) => !c.additional);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      wide
      title={`${entry.kind === "annex_a" ? `${entry.controlId} ` : ""}${entry.title}`}
      description={entry.kind === "annex_a" ? entry.groupTitle : "An additional control of your organization"}
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined, { onSuccess: () => onOpenChange(false) });
        }}
      >
        <SelectField
          label="Applicable?"
          value={answer}
          onChange={(e) => onAnswer(e.target.value as Answer)}
          options={[
            { value: "", label: "Undecided" },
            { value: "yes", label: "Yes, the control applies" },
            { value: "no", label: "No, it does not apply" },
          ]}
          errors={fieldErrors(save.error, "applicable")}
        />
        <TextAreaField
          label="Justification"
          hint="Required once you decide, either way: why the control is included or excluded."
          value={justification}
          required={answer !== ""}
          onChange={(e) => setJustification(e.target.value)}
          errors={fieldErrors(save.error, "justification")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Implementation status"
            value={status}
            onChange={(e) => setStatus(e.target.value as ImplementationStatus)}
            options={statusOptions}
            errors={fieldErrors(save.error, "implementationStatus")}
          />
          <SelectField
            label="Owner"
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
            options={ownerOptions}
            errors={fieldErrors(save.error, "ownerId")}
          />
        </div>
        {entry.kind === "annex_a" && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-900">Applied controls implementing it</legend>
            {controls.isPending && <p className="text-sm text-slate-600">Loading applied controls…</p>}
            {!controls.isPending && available.length === 0 && (
              <p className="text-sm text-slate-600">
                No applied controls yet. Create them on the Applied controls page.
              </p>
            )}
            <div className="max-h-48 space-y-1 overflow-y-auto">
              {available.map((c) => (
                <Checkbox
                  key={c.id}
                  label={c.name}
                  checked={controlIds.includes(c.id)}
                  onChange={(e) =>
                    setControlIds((ids) =>
                      e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id),
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
        )}
        <TextAreaField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
        {conflict && (
          <Alert>
            Someone else changed this entry since you opened it. Close the dialog and open it again.
          </Alert>
        )}
        {!conflict && <FormErrorAlert mutation={save} />}
        <DialogActions>
          <DialogClose asChild>
            <Button type="button">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
