import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { rolesApi, type CustomRoleView } from "../../api";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader, Section } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { memberKeys, useRoles } from "../members/queries";
import { useCan } from "../session/use-me";
import { BuiltinRolesMatrix } from "./builtin-roles-matrix";
import { CustomRoleDialog } from "./custom-role-dialog";

const route = getRouteApi("/orgs/$orgId/settings/roles");

export function RolesPage() {
  const { orgId } = route.useParams();
  const can = useCan(orgId);
  const manage = can("role.manage");
  const roles = useRoles(orgId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CustomRoleView | "new" | null>(null);
  const [deleting, setDeleting] = useState<CustomRoleView | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => rolesApi.remove(orgId, id),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: memberKeys.roles(orgId) });
    },
  });

  if (roles.isPending) return <LoadingState label="Loading roles…" />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  const { builtin, custom, permissions } = roles.data;

  return (
    <>
      <PageHeader
        title="Roles"
        description="A role is a named set of permissions; every member holds exactly one."
      />
      <Section
        title="Custom roles"
        actions={
          manage && (
            <Button variant="primary" onClick={() => setEditing("new")}>
              <Plus className="size-4" aria-hidden="true" />
              New custom role
            </Button>
          )
        }
      >
        {custom.length === 0 ? (
          <p className="text-sm text-slate-700">
            No custom roles yet. The built-in roles below cover the usual cases.
          </p>
        ) : (
          <Table caption="Custom roles">
            <TableHead columns={["Name", "Permissions", "Members"]} actions />
            <TableBody>
              {custom.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <span className="font-medium">{r.name}</span>
                    {r.description && <span className="block text-xs text-slate-600">{r.description}</span>}
                  </Td>
                  <Td>
                    <span className="text-xs text-slate-800">{r.permissions.join(", ")}</span>
                  </Td>
                  <Td>{r.memberCount}</Td>
                  <Td className="text-right whitespace-nowrap">
                    {manage && (
                      <span className="inline-flex gap-2">
                        <Button size="sm" onClick={() => setEditing(r)} aria-label={`Edit role ${r.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          onClick={() => {
                            remove.reset();
                            setDeleting(r);
                          }}
                          aria-label={`Delete role ${r.name}`}
                        >
                          Delete
                        </Button>
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title="Built-in roles">
        <BuiltinRolesMatrix builtin={builtin} permissions={permissions} />
      </Section>
      {editing && (
        <CustomRoleDialog
          orgId={orgId}
          role={editing === "new" ? null : editing}
          permissions={permissions}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete role ${deleting?.name ?? ""}?`}
        confirmLabel="Delete role"
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        busy={remove.isPending}
        error={remove.error}
      >
        {deleting && deleting.memberCount > 0
          ? `${deleting.memberCount} member(s) still hold this role; give them another role first.`
          : "This cannot be undone."}
      </ConfirmDialog>
    </>
  );
}
