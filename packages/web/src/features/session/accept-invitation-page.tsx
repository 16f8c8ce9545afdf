import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { AcceptInvitationInput } from "@openaims/core";
import { invitationsApi, isApiError } from "../../api";
import { Button } from "../../components/button";
import { TextField } from "../../components/form-controls";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { formatDateTime } from "../../lib/format";
import { AuthLayout } from "./auth-layout";
import { meQueryKey } from "./use-me";

const route = getRouteApi("/invitations/accept");

export function AcceptInvitationPage() {
  const { token = "" } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => invitationsApi.preview(token),
    enabled: token.length > 0,
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (body: { token: string; name?: string; password?: string }) => invitationsApi.accept(body),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await router.navigate({ to: "/orgs/$orgId", params: { orgId: result.orgId } });
    },
    onError: (e) => {
      if (isApiError(e)) setErrors(groupIssues(e.issues));
    },
  });

  if (!token) {
    return (
      <AuthLayout title="Accept invitation">
        <Alert>This link has no invitation token. Ask the person who invited you for a new link.</Alert>
      </AuthLayout>
    );
  }
  if (preview.isPending) {
    return (
      <AuthLayout title="Accept invitation">
        <LoadingState label="Checking the invitation…" />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    return (
      <AuthLayout title="Accept invitation">
        <ErrorState
          error={preview.error}
          title={
            isApiError(preview.error) && preview.error.status === 404
              ? "This invitation is not valid any more."
              : "Could not check the invitation."
          }
        />
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const isNewUser = !invitation.userExists;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const candidate = isNewUser ? { token, name, password } : { token };
    const parsed = AcceptInvitationInput.safeParse(candidate);
    if (!parsed.success) {
      setErrors(groupIssues(issuesFromZod(parsed.error)));
      return;
    }
    setErrors({});
    accept.mutate(parsed.data);
  };

  const signInNeeded = isApiError(accept.error) && accept.error.status === 401;
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;

  return (
    <AuthLayout title={`Join ${invitation.orgName}`}>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Email</dt>
        <dd className="text-slate-900">{invitation.email}</dd>
        <dt className="text-slate-600">Role</dt>
        <dd className="text-slate-900">{invitation.roleLabel}</dd>
        <dt className="text-slate-600">Expires</dt>
        <dd className="text-slate-900">{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {accept.isError && !signInNeeded && <Alert>{errorMessage(accept.error)}</Alert>}
        {signInNeeded && (
          <Alert>
            Sign in as {invitation.email} first, then open this link again.{" "}
            <Link to="/sign-in" search={{ redirect: here }} className="font-medium underline">
              Sign in
            </Link>
          </Alert>
        )}
        {isNewUser ? (
          <>
            <p className="text-sm text-slate-700">Create your account to accept the invitation.</p>
            <TextField
              label="Your name"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              errors={errors.name}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint="At least 12 characters."
              errors={errors.password}
            />
          </>
        ) : (
          <p className="text-sm text-slate-700">
            You already have an account; accepting adds this organization to it.
          </p>
        )}
        {errors.token && <Alert>{errors.token.join(" ")}</Alert>}
        <Button type="submit" variant="primary" className="w-full" busy={accept.isPending}>
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}
