import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut, UserCircle } from "lucide-react";
import type { MeUser } from "../../api";
import { useSignOut } from "../session/sign-out-button";
import { menuContentClass, menuItemClass } from "./org-switcher";

export function UserMenu({ user, roleLabel }: { user: MeUser; roleLabel: string | undefined }) {
  const signOut = useSignOut();
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-900 hover:bg-slate-100"
        aria-label={`User menu for ${user.name || user.email}`}
      >
        <UserCircle className="size-5 text-slate-600" aria-hidden="true" />
        <span className="hidden max-w-40 truncate sm:inline">{user.name || user.email}</span>
        <ChevronDown className="size-4 text-slate-600" aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className={menuContentClass}>
          <div className="px-2 py-1.5">
            <p className="font-medium">{user.name}</p>
            <p className="text-xs text-slate-600">{user.email}</p>
            {roleLabel && <p className="mt-1 text-xs text-slate-600">Role: {roleLabel}</p>}
          </div>
          <Menu.Separator className="my-1 h-px bg-slate-200" />
          <Menu.Item className={menuItemClass} onSelect={() => signOut.mutate()}>
            <LogOut className="size-4" aria-hidden="true" />
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
