import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CustomRoleInput, UpdateCustomRoleInput } from "@openaims/core";
import { isApiError, rolesApi, type CustomRoleView, type PermissionInfo } from "../../api";
import { Dialog, DialogFormActions } from "../../components/dialog";
import { Checkbox, FieldErrorList, TextAreaField, TextField } from "../../components/form-controls";
import { Alert, FormErrorAlert } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { memberKeys } from "../members/queries";

interface Props {
  orgId: string;
  role: CustomRoleView | null;
  permissions: PermissionInfo[];
  onClose: () => void;
}

export function CustomRoleDialog({ orgId, role, permissions, onClose }: Props) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [granted, setGranted] = useState<Set<string>>(new Set(role?.permissions ?? []));
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: CustomRoleInput) =>
      role
        ? rolesApi.update(orgId, role.id, { ...body, version: role.version })
        : rolesApi.create(orgId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: memberKeys.roles(orgId) });
      onClose();
    },
    onError: (e) => isApiError(e) && setErrors(groupIssues(e.issues)),
  });

  const toggle = (key: string, on: boolean) =>
    setGranted((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const candidate = {
      name,
      description,
      permissions: permissions.map((p) => p.key).filter((k) => granted.has(k)),
    };
    const parsed = role
      ? UpdateCustomRoleInput.safeParse({ ...candidate, version: role.version })
      : CustomRoleInput.safeParse(candidate);
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    save.mutate(parsed.data);
  };

  const conflict = isApiError(save.error) && save.error.code === "conflict";

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={role ? `Edit role ${role.name}` : "New custom role"}
      wide
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {conflict && <Alert>This role was changed by someone else — reload the page and try again.</Alert>}
        {!conflict && <FormErrorAlert mutation={save} />}
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.name}
          autoFocus
        />
        <TextAreaField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          errors={errors.description}
          rows={2}
        />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-900">Permissions</legend>
          <div className="grid max-h-80 gap-2 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            {permissions.map((p) => (
              <Checkbox
                key={p.key}
                label={p.key}
                description={p.description}
                checked={granted.has(p.key)}
                onChange={(e) => toggle(p.key, e.target.checked)}
              />
            ))}
          </div>
          {errors.permissions && <FieldErrorList errors={errors.permissions} />}
        </fieldset>
        <DialogFormActions onCancel={onClose} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
