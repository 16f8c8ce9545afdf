import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { authApi, rememberCsrfToken } from "../../api";
import { Button } from "../../components/button";

export function useSignOut() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.logout(),
    // Signed out locally even if the server call fails: the session cookie may already be gone.
    onSettled: async () => {
      rememberCsrfToken(null);
      queryClient.clear();
      await router.navigate({ to: "/sign-in" });
    },
  });
}

export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <Button onClick={() => signOut.mutate()} busy={signOut.isPending}>
      Sign out
    </Button>
  );
}
