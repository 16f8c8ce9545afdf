import { useId } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { membersApi, type MembershipView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { controlClass, type Option } from "../../components/form-controls";
import { errorMessage } from "../../components/states";
import { Td } from "../../components/table";
import { formatDate } from "../../lib/format";
import { memberKeys } from "./queries";

interface MemberRowProps {
  orgId: string;
  member: MembershipView;
  roleOptions: Option[];
  /** fallbacks from the caller's permissions when the server sends no abilities */
  canUpdate: boolean;
  canDeactivate: boolean;
  isSelf: boolean;
}

export function MemberRow({
  orgId,
  member: m,
  roleOptions,
  canUpdate,
  canDeactivate,
  isSelf,
}: MemberRowProps) {
  const queryClient = useQueryClient();
  const selectId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.all(orgId) });
  const changeRole = useMutation({
    mutationFn: (role: string) => membersApi.changeRole(orgId, m.id, role, m.version),
    onSettled: refresh,
  });
  const toggleStatus = useMutation({
    mutationFn: () =>
      m.status === "active"
        ? membersApi.deactivate(orgId, m.id, m.version)
        : membersApi.reactivate(orgId, m.id, m.version),
    onSettled: refresh,
  });

  const a = m.abilities;
  const mayChangeRole = (a?.updateRole ?? (canUpdate && !isSelf)) && m.status === "active";
  const mayDeactivate = m.status === "active" && (a?.deactivate ?? (canDeactivate && !isSelf));
  const mayReactivate = m.status === "deactivated" && (a?.reactivate ?? canDeactivate);
  // The member's current role must stay visible even when the caller could not grant it (e.g. owner).
  const options = roleOptions.some((o) => o.value === m.role)
    ? roleOptions
    : [{ value: m.role, label: m.roleLabel, disabled: true }, ...roleOptions];
  const error = changeRole.error ?? toggleStatus.error;

  return (
    <tr>
      <Td>
        <span className="font-medium">{m.name || "—"}</span>
        {isSelf && <span className="text-slate-600"> (you)</span>}
        <span className="block text-xs text-slate-600">{m.email}</span>
      </Td>
      <Td>
        {mayChangeRole ? (
          <>
            <label htmlFor={selectId} className="sr-only">
              Role for {m.name || m.email}
            </label>
            <select
              id={selectId}
              className={`${controlClass(false)} max-w-56 py-1`}
              value={m.role}
              disabled={changeRole.isPending}
              onChange={(e) => changeRole.mutate(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </select>
          </>
        ) : (
          m.roleLabel
        )}
      </Td>
      <Td>
        <Badge tone={m.status === "active" ? "green" : "neutral"}>
          {m.status === "active" ? "Active" : "Deactivated"}
        </Badge>
      </Td>
      <Td className="whitespace-nowrap">{formatDate(m.createdAt)}</Td>
      <Td className="text-right">
        {(mayDeactivate || mayReactivate) && (
          <Button
            size="sm"
            variant={mayDeactivate ? "secondary" : "primary"}
            busy={toggleStatus.isPending}
            onClick={() => toggleStatus.mutate()}
            aria-label={`${mayDeactivate ? "Deactivate" : "Reactivate"} ${m.name || m.email}`}
          >
            {mayDeactivate ? "Deactivate" : "Reactivate"}
          </Button>
        )}
        {error && (
          <p role="alert" className="mt-1 text-left text-xs text-red-700">
            {errorMessage(error)}
          </p>
        )}
      </Td>
    </tr>
  );
}
