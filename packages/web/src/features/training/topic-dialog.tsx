import { useState } from "react";
import {
  builtinRoleLabels,
  builtinRoles,
  trainingKindLabels,
  trainingKinds,
  type TrainingKind,
} from "@openaims/core";
import { trainingApi, type TrainingTopicView } from "../../api";
import { FormDialog } from "../../components/dialog";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { fieldErrors, useTrainingMutation } from "./queries";

/**
 * Adds a topic to the catalogue, or edits one (`topic`): validity, whom it is required of, and whether it counts as
 * AI literacy. Linked AI systems are kept as they are (they are set through the API or CLI).
 */
export function TopicDialog({
  orgId,
  topic,
  onClose,
}: {
  orgId: string;
  topic?: TrainingTopicView;
  onClose: () => void;
}) {
  const [name, setName] = useState(topic?.name ?? "");
  const [description, setDescription] = useState(topic?.description ?? "");
  const [kind, setKind] = useState<TrainingKind>(topic?.kind ?? "ai_literacy");
  const [validity, setValidity] = useState(
    topic ? (topic.validityMonths === null ? "" : String(topic.validityMonths)) : "12",
  );
  const [required, setRequired] = useState(topic?.required ?? true);
  const [roles, setRoles] = useState<string[]>(topic?.roles ?? []);
  const [aiLiteracy, setAiLiteracy] = useState(topic?.aiLiteracy ?? true);
  const save = useTrainingMutation(
    orgId,
    () => {
      const fields = {
        name,
        description,
        kind,
        validityMonths: validity.trim() === "" ? null : Number(validity),
        required,
        roles,
        aiLiteracy,
      };
      return topic
        ? trainingApi.updateTopic(orgId, topic.id, { ...fields, version: topic.version })
        : trainingApi.createTopic(orgId, fields);
    },
    onClose,
  );
  const err = (p: string) => fieldErrors(save.error, p);
  const toggleRole = (r: string) =>
    setRoles((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  return (
    <FormDialog
      title={topic ? `Edit "${topic.name}"` : "Add a training topic"}
      mutation={save}
      onSubmit={() => save.mutate(undefined)}
      onClose={onClose}
      submitLabel={topic ? "Save" : "Add topic"}
    >
      <TextField
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={err("name")}
      />
      <TextAreaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={err("description")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => {
            const k = e.target.value as TrainingKind;
            setKind(k);
            setAiLiteracy(k === "ai_literacy");
          }}
          options={trainingKinds.map((k) => ({ value: k, label: trainingKindLabels[k] }))}
        />
        <TextField
          label="Valid for (months)"
          type="number"
          min={1}
          max={120}
          hint="Empty: a completion never expires."
          value={validity}
          onChange={(e) => setValidity(e.target.value)}
          errors={err("validityMonths")}
        />
      </div>
      <Checkbox
        label="Counts toward AI literacy (EU AI Act Art. 4)"
        checked={aiLiteracy}
        onChange={(e) => setAiLiteracy(e.target.checked)}
      />
      <Checkbox
        label="Required"
        description="Required topics count in the coverage of the members they apply to."
        checked={required}
        onChange={(e) => setRequired(e.target.checked)}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-900">
          Required of these roles (none ticked: everyone)
        </legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {builtinRoles.map((r) => (
            <Checkbox
              key={r}
              label={builtinRoleLabels[r]}
              checked={roles.includes(r)}
              onChange={() => toggleRole(r)}
            />
          ))}
        </div>
        {err("roles")?.map((m) => (
          <p key={m} className="text-sm text-red-700">
            {m}
          </p>
        ))}
      </fieldset>
    </FormDialog>
  );
}
