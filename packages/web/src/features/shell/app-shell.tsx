import { Link, Outlet, useParams } from "@tanstack/react-router";
import { ShieldCheck } from "lucide-react";
import { useMe } from "../session/use-me";
import { OrgSwitcher } from "./org-switcher";
import { SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";

export function AppShell() {
  const { orgId } = useParams({ from: "/orgs/$orgId" });
  const me = useMe();
  if (!me) return null;
  const membership = me.memberships.find((m) => m.orgId === orgId);
  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-blue-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2">
        <div className="flex items-center gap-4">
          <Link
            to="/orgs/$orgId"
            params={{ orgId }}
            className="flex items-center gap-2 rounded text-sm font-semibold text-slate-900"
          >
            <ShieldCheck className="size-5 text-blue-700" aria-hidden="true" />
            OpenAIMS
          </Link>
          <OrgSwitcher memberships={me.memberships} currentOrgId={orgId} />
        </div>
        <UserMenu user={me.user} roleLabel={membership?.roleLabel} />
      </header>
      <div className="flex flex-1">
        <aside className="w-64 shrink-0 border-r border-slate-200 bg-slate-50/60">
          <SideNav orgId={orgId} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-6 py-6 focus:outline-none lg:px-10">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
