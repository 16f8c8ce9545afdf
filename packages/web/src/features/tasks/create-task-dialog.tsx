import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  CreateTaskInput,
  linkTargetTypes,
  taskPriorities,
  taskPriorityLabels,
  type LinkTarget,
} from "@openaims/core";
import { isApiError } from "../../api";
import { tasksApi, type TaskView } from "../../api/tasks";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useMemberDirectory } from "../members/queries";
import { taskKeys } from "./queries";

const subjectTypeLabels: Record<LinkTarget["type"], string> = {
  framework_node: "Framework requirement or control",
  ai_system: "AI system",
  document: "Document",
  applied_control: "Applied control",
  soa_entry: "SoA entry",
  evidence: "Evidence",
  objective: "Objective",
  ai_model: "Model",
  dataset: "Dataset",
  obligation: "EU AI Act obligation",
  impact_assessment: "Impact assessment",
};

/**
 * Creates a task. Other features open it with `subject` set ("a task for this document"); then the subject is
 * fixed and shown, not asked for.
 */
export function CreateTaskDialog(
  props: OrgDialogProps & {
    subject?: LinkTarget & { label?: string };
    onCreated?: (task: TaskView) => void;
  },
) {
  const { orgId, open, onOpenChange, subject, onCreated } = props;
  const queryClient = useQueryClient();
  const members = useMemberDirectory(orgId, open);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [assigneeId, setAssigneeId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [priority, setPriority] = useState("");
  const [subjectType, setSubjectType] = useState("");
  const [subjectId, setSubjectId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationFn: (body: CreateTaskInput) => tasksApi.create(orgId, body),
    onSuccess: async (task) => {
      await queryClient.invalidateQueries({ queryKey: taskKeys.all(orgId) });
      onCreated?.(task);
      close(false);
    },
    onError: (e) => isApiError(e) && setErrors(groupIssues(e.issues)),
  });

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setTitle("");
      setDescription("");
      setAssigneeId("");
      setDueDate("");
      setPriority("");
      setSubjectType("");
      setSubjectId("");
      setErrors({});
      create.reset();
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosenSubject = subject
      ? { type: subject.type, id: subject.id }
      : subjectType
        ? { type: subjectType, id: subjectId.trim() }
        : null;
    const parsed = CreateTaskInput.safeParse({
      title,
      description,
      assigneeId: assigneeId || null,
      dueDate: dueDate || null,
      priority: priority || null,
      subject: chosenSubject,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    create.mutate(parsed.data);
  };

  const memberOptions = (members.data?.items ?? [])
    .filter((m) => m.status === "active")
    .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));

  return (
    <Dialog open={open} onOpenChange={close} title="New task" wide>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormErrorAlert mutation={create} />
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errors.title}
          autoFocus
        />
        <TextAreaField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          errors={errors.description}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Assignee"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            errors={errors.assigneeId}
            options={[{ value: "", label: "Nobody yet" }, ...memberOptions]}
          />
          <TextField
            label="Due date"
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            errors={errors.dueDate}
          />
          <SelectField
            label="Priority"
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            errors={errors.priority}
            options={[
              { value: "", label: "None" },
              ...taskPriorities.map((p) => ({ value: p, label: taskPriorityLabels[p] })),
            ]}
          />
        </div>
        {subject ? (
          <p className="text-sm text-slate-700">
            About: <span className="font-medium">{subject.label ?? subject.id}</span>
          </p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="About (optional)"
              value={subjectType}
              onChange={(e) => setSubjectType(e.target.value)}
              errors={errors.subject}
              options={[
                { value: "", label: "Nothing in particular" },
                ...linkTargetTypes.map((t) => ({ value: t, label: subjectTypeLabels[t] })),
              ]}
            />
            {subjectType && (
              <TextField
                label={subjectType === "framework_node" ? "Requirement or control" : "Record id"}
                hint={subjectType === "framework_node" ? "e.g. A.6.2.4 or 5.2" : "the record's id"}
                value={subjectId}
                onChange={(e) => setSubjectId(e.target.value)}
              />
            )}
          </div>
        )}
        <DialogFormActions onCancel={() => close(false)} busy={create.isPending} submitLabel="Create task" />
      </form>
    </Dialog>
  );
}
