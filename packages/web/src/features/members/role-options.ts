import type { Option } from "../../components/form-controls";
import type { RolesResponse } from "../../api";

/** Built-in roles first, then the org's custom roles (`custom:<id>`), as select options. */
export function roleOptions(roles: RolesResponse | undefined, opts: { allowOwner: boolean }): Option[] {
  if (!roles) return [];
  const builtin = roles.builtin
    .filter((r) => opts.allowOwner || r.key !== "owner")
    .map((r) => ({ value: r.key, label: r.label }));
  const custom = roles.custom.map((r) => ({ value: r.key, label: `${r.name} (custom)` }));
  return [...builtin, ...custom];
}
