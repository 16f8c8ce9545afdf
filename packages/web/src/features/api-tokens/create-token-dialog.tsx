import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateApiTokenInput } from "@openaims/core";
import { apiTokensApi, isApiError, type CreatedApiToken } from "../../api";
import { OneTimeSecretResult } from "../../components/copy-button";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { SelectField, TextField } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useRoles } from "../members/queries";
import { roleOptions } from "../members/role-options";
import { apiTokenKeys } from "./queries";

const expiryOptions = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

export function CreateTokenDialog(props: OrgDialogProps) {
  const { orgId, open, onOpenChange } = props;
  const queryClient = useQueryClient();
  const roles = useRoles(orgId, open);
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const [expires, setExpires] = useState("90");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const create = useMutation({
    mutationFn: (body: CreateApiTokenInput) => apiTokensApi.create(orgId, body),
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all(orgId) });
    },
    onError: (e) => isApiError(e) && setErrors(groupIssues(e.issues)),
  });

  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) {
      setName("");
      setRole("");
      setErrors({});
      setCreated(null);
      create.reset();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateApiTokenInput.safeParse({
      name,
      role: role || undefined,
      expiresInDays: expires ? Number(expires) : undefined,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    create.mutate(parsed.data);
  };

  return (
    <Dialog open={open} onOpenChange={close} title="Create API token">
      {created ? (
        <OneTimeSecretResult
          message={
            <>
              Token “{created.apiToken.name}” created. Copy it now: it is shown only once and cannot be
              retrieved later.
            </>
          }
          label="Token"
          value={created.token}
          onDone={() => close(false)}
        />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormErrorAlert mutation={create} />
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            errors={errors.name}
            hint="What the token is for, e.g. “CI import job”."
            autoFocus
          />
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            errors={errors.role}
            hint="A token can never do more than you can."
            options={[
              { value: "", label: "Same as my role" },
              ...roleOptions(roles.data, { allowOwner: false }),
            ]}
          />
          <SelectField
            label="Expires"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
            errors={errors.expiresInDays}
            options={expiryOptions}
          />
          <DialogFormActions
            onCancel={() => close(false)}
            busy={create.isPending}
            submitLabel="Create token"
          />
        </form>
      )}
    </Dialog>
  );
}
