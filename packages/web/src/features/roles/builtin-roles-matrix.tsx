import { Check } from "lucide-react";
import type { BuiltinRoleView, PermissionInfo } from "../../api";
import { Table, Td, Th } from "../../components/table";

/** Read-only: permissions down the side, built-in roles across the top. */
export function BuiltinRolesMatrix({
  builtin,
  permissions,
}: {
  builtin: BuiltinRoleView[];
  permissions: PermissionInfo[];
}) {
  return (
    <Table caption="Permissions of the built-in roles">
      <thead>
        <tr>
          <Th>Permission</Th>
          {builtin.map((r) => (
            <Th key={r.key} className="text-center">
              {r.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {permissions.map((p) => (
          <tr key={p.key}>
            <th scope="row" className="px-3 py-2 text-left align-top font-normal">
              <span className="block font-mono text-xs text-slate-900">{p.key}</span>
              <span className="block text-xs text-slate-600">{p.description}</span>
            </th>
            {builtin.map((r) => (
              <Td key={r.key} className="text-center">
                {r.permissions.includes(p.key) ? (
                  <Check className="inline size-4 text-green-800" aria-label="granted" />
                ) : (
                  <span className="sr-only">not granted</span>
                )}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
