import { Link } from "@tanstack/react-router";
import clsx from "clsx";
import { aimsNav, settingsNav, type NavItem } from "./nav-items";
import { useCan } from "../session/use-me";

const itemClass =
  "flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600";

function NavEntry({ item, orgId }: { item: NavItem; orgId: string }) {
  const Icon = item.icon;
  if ("comingSoon" in item) {
    return (
      <li>
        <span aria-disabled="true" className={clsx(itemClass, "cursor-not-allowed text-slate-600")}>
          <Icon className="size-4 shrink-0 self-start mt-0.5" aria-hidden="true" />
          <span>
            {item.label}
            <span className="block text-xs text-slate-600 italic">coming soon</span>
          </span>
        </span>
      </li>
    );
  }
  return (
    <li>
      <Link
        to={item.to}
        params={{ orgId }}
        activeOptions={{ exact: item.exact ?? false }}
        className={clsx(itemClass, "text-slate-800 hover:bg-slate-100 hover:text-slate-900")}
        activeProps={{ className: "bg-blue-50 font-semibold text-blue-900", "aria-current": "page" }}
      >
        <Icon className="size-4 shrink-0" aria-hidden="true" />
        {item.label}
      </Link>
    </li>
  );
}

export function SideNav({ orgId }: { orgId: string }) {
  const can = useCan(orgId);
  const shown = (item: NavItem) => !("permission" in item) || !item.permission || can(item.permission);
  return (
    <nav aria-label="Main" className="space-y-6 p-3">
      <ul className="space-y-0.5">
        {aimsNav.filter(shown).map((item) => (
          <NavEntry key={item.label} item={item} orgId={orgId} />
        ))}
      </ul>
      <div>
        <h2 className="mb-1 px-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">Settings</h2>
        <ul className="space-y-0.5">
          {settingsNav.map((item) => (
            <NavEntry key={item.label} item={item} orgId={orgId} />
          ))}
        </ul>
      </div>
    </nav>
  );
}
