import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { authApi, rememberCsrfToken } from "../../api";
import { Button } from "../../components/button";
import { TextField } from "../../components/form-controls";
import { Alert, errorMessage } from "../../components/states";
import { meQueryOptions } from "./use-me";
import { safeRedirect } from "./safe-redirect";
import { AuthLayout } from "./auth-layout";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const signIn = useMutation({
    mutationFn: async () => {
      const result = await authApi.login(email.trim(), password);
      rememberCsrfToken(result.csrfToken);
      queryClient.clear();
      return queryClient.fetchQuery(meQueryOptions);
    },
    onSuccess: async (me) => {
      const target = safeRedirect(redirect);
      if (target) {
        router.history.push(target);
        return;
      }
      const first = me.memberships[0];
      if (first) await router.navigate({ to: "/orgs/$orgId", params: { orgId: first.orgId } });
      else await router.navigate({ to: "/no-organization" });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!signIn.isPending) signIn.mutate();
  };

  return (
    <AuthLayout title="Sign in to OpenAIMS">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {signIn.isError && <Alert>{errorMessage(signIn.error)}</Alert>}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="primary" className="w-full" busy={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
