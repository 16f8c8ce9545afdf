import { useState } from "react";
import { trainingMethodLabels, trainingMethods, type TrainingMethod } from "@openaims/core";
import { trainingApi, type TrainingCoverageView, type TrainingTopicView } from "../../api";
import { FormDialog } from "../../components/dialog";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { fieldErrors, useTrainingMutation } from "./queries";

/**
 * Records a completed training. The member list comes from the coverage: managers see every active member, a
 * member who records their own training sees only themselves.
 */
export function AddRecordDialog({
  orgId,
  members,
  topics,
  onClose,
}: {
  orgId: string;
  members: TrainingCoverageView["members"];
  topics: TrainingTopicView[];
  onClose: () => void;
}) {
  const [userId, setUserId] = useState(members[0]?.userId ?? "");
  const [topicId, setTopicId] = useState(topics[0]?.id ?? "");
  const [completedOn, setCompletedOn] = useState(new Date().toISOString().slice(0, 10));
  const [expiresOn, setExpiresOn] = useState("");
  const [provider, setProvider] = useState("");
  const [method, setMethod] = useState<TrainingMethod>("e_learning");
  const [evidenceId, setEvidenceId] = useState("");
  const [note, setNote] = useState("");
  const save = useTrainingMutation(
    orgId,
    () =>
      trainingApi.createRecord(orgId, {
        userId,
        topicId,
        completedOn,
        expiresOn: expiresOn || null,
        provider,
        method,
        note,
        evidenceIds: evidenceId.trim() ? [evidenceId.trim()] : [],
      }),
    onClose,
  );
  const err = (...paths: string[]) => fieldErrors(save.error, ...paths);
  return (
    <FormDialog
      title="Record a completed training"
      mutation={save}
      onSubmit={() => save.mutate(undefined)}
      onClose={onClose}
      submitLabel="Record"
    >
      <SelectField
        label="Member"
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        options={members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
        errors={err("userId", "email")}
      />
      <SelectField
        label="Topic"
        value={topicId}
        onChange={(e) => setTopicId(e.target.value)}
        options={topics.map((t) => ({ value: t.id, label: t.name }))}
        errors={err("topicId")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Completed on"
          type="date"
          required
          value={completedOn}
          onChange={(e) => setCompletedOn(e.target.value)}
          errors={err("completedOn")}
        />
        <TextField
          label="Valid until (optional)"
          type="date"
          hint="Only when a certificate states its own end; otherwise the topic's validity applies."
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          errors={err("expiresOn")}
        />
        <TextField
          label="Provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value)}
          errors={err("provider")}
        />
        <SelectField
          label="Method"
          value={method}
          onChange={(e) => setMethod(e.target.value as TrainingMethod)}
          options={trainingMethods.map((m) => ({ value: m, label: trainingMethodLabels[m] }))}
        />
      </div>
      <TextField
        label="Evidence ID (optional)"
        hint="The id of an evidence item (a certificate, an LMS export) under Evidence."
        value={evidenceId}
        onChange={(e) => setEvidenceId(e.target.value)}
        errors={err("evidenceIds")}
      />
      <TextAreaField
        label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={err("note")}
      />
    </FormDialog>
  );
}
