import * as Menu from "@radix-ui/react-dropdown-menu";
import { useNavigate } from "@tanstack/react-router";
import { Building2, Check, ChevronsUpDown } from "lucide-react";
import type { MeMembership } from "../../api";

export const menuContentClass =
  "z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg";
export const menuItemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-blue-50 data-[highlighted]:text-blue-900";

export function OrgSwitcher({
  memberships,
  currentOrgId,
}: {
  memberships: MeMembership[];
  currentOrgId: string;
}) {
  const navigate = useNavigate();
  const current = memberships.find((m) => m.orgId === currentOrgId);
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50"
        aria-label={`Organization: ${current?.orgName ?? "unknown"}. Switch organization`}
      >
        <Building2 className="size-4 text-slate-600" aria-hidden="true" />
        <span className="max-w-48 truncate">{current?.orgName ?? "Organization"}</span>
        <ChevronsUpDown className="size-4 text-slate-600" aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={4} className={menuContentClass}>
          <Menu.Label className="px-2 py-1 text-xs font-semibold text-slate-600">
            Your organizations
          </Menu.Label>
          {memberships.map((m) => (
            <Menu.Item
              key={m.orgId}
              className={menuItemClass}
              onSelect={() => void navigate({ to: "/orgs/$orgId", params: { orgId: m.orgId } })}
            >
              <span className="flex-1">
                <span className="block">{m.orgName}</span>
                <span className="block text-xs text-slate-600">{m.roleLabel}</span>
              </span>
              {m.orgId === currentOrgId && <Check className="size-4 text-blue-700" aria-label="current" />}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
