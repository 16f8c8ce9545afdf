import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateInvitationInput } from "@openaims/core";
import { invitationsApi, isApiError, type CreatedInvitation } from "../../api";
import { OneTimeSecretResult } from "../../components/copy-button";
import { Dialog, DialogFormActions, type OrgDialogProps } from "../../components/dialog";
import { SelectField, TextField, type Option } from "../../components/form-controls";
import { FormErrorAlert } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { memberKeys } from "./queries";

interface InviteDialogProps extends OrgDialogProps {
  roleOptions: Option[];
}

export function InviteDialog({ orgId, open, onOpenChange, roleOptions }: InviteDialogProps) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("contributor");
  const [days, setDays] = useState("7");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const invite = useMutation({
    mutationFn: (body: CreateInvitationInput) => invitationsApi.create(orgId, body),
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: memberKeys.invitations(orgId) });
    },
    onError: (e) => isApiError(e) && setErrors(groupIssues(e.issues)),
  });

  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) {
      setEmail("");
      setErrors({});
      setCreated(null);
      invite.reset();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateInvitationInput.safeParse({ email, role, expiresInDays: Number(days) });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    invite.mutate(parsed.data);
  };

  const link = created ? acceptLink(created) : "";

  return (
    <Dialog open={open} onOpenChange={close} title="Invite member">
      {created ? (
        <OneTimeSecretResult
          message={
            <>
              Invitation created for {created.invitation.email}. Send them this link; it is shown only once.
            </>
          }
          label="Accept link"
          value={link}
          onDone={() => close(false)}
        />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormErrorAlert mutation={invite} />
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={errors.email}
            autoFocus
          />
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            options={roleOptions.length ? roleOptions : [{ value: role, label: "Loading roles…" }]}
            errors={errors.role}
          />
          <TextField
            label="Expires in (days)"
            type="number"
            min={1}
            max={30}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            errors={errors.expiresInDays}
            hint="Between 1 and 30 days."
          />
          <DialogFormActions
            onCancel={() => close(false)}
            busy={invite.isPending}
            submitLabel="Send invitation"
          />
        </form>
      )}
    </Dialog>
  );
}

function acceptLink(created: CreatedInvitation): string {
  const path = created.acceptPath || `/invitations/accept?token=${encodeURIComponent(created.token)}`;
  return new URL(path, window.location.origin).toString();
}
