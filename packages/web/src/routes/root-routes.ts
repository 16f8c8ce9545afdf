import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, notFound, Outlet, redirect } from "@tanstack/react-router";
import { isApiError } from "../api";
import { AppShell } from "../features/shell/app-shell";
import { loadMe } from "../features/session/use-me";
import { NotFoundPage, RouteErrorPage } from "../features/shell/route-fallbacks";

/** The root route and the signed-in organization route every page of an organization hangs under. */
export interface RouterContext {
  queryClient: QueryClient;
}

export const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Loads the session, or sends the user to sign in and back here afterwards. */
export async function requireMe(queryClient: QueryClient, href: string) {
  try {
    return await loadMe(queryClient);
  } catch (e) {
    if (isApiError(e) && e.status === 401) throw redirect({ to: "/sign-in", search: { redirect: href } });
    throw e;
  }
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

export const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "orgs/$orgId",
  beforeLoad: async ({ context, location, params }) => {
    const me = await requireMe(context.queryClient, location.href);
    // Not a member (or deactivated) looks exactly like a missing org, as on the server.
    if (!me.memberships.some((m) => m.orgId === params.orgId)) throw notFound();
  },
  component: AppShell,
});
