import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { isApiError } from "./api";
import { createAppRouter } from "./router";
import "./styles.css";

/** Pages reachable without a session; a 401 there is an answer, not a reason to redirect. */
const PUBLIC_PATHS = ["/sign-in", "/invitations/accept", "/no-organization"];

let router: ReturnType<typeof createAppRouter> | null = null;

function onApiError(error: unknown, queryKey?: readonly unknown[]) {
  if (!isApiError(error) || error.status !== 401 || !router) return;
  // The session query is handled by the route guards themselves.
  if (queryKey?.[0] === "me") return;
  const { pathname, href } = router.state.location;
  if (PUBLIC_PATHS.some((p) => pathname.startsWith(p))) return;
  queryClient.removeQueries({ queryKey: ["me"] });
  void router.navigate({ to: "/sign-in", search: { redirect: href } });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 0,
      // 4xx answers do not get better by asking again.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

router = createAppRouter(queryClient);

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
