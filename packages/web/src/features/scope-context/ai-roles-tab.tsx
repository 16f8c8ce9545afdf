import { useState } from "react";
import { contextApi, type OrgAiRolesView } from "../../api";
import { Button } from "../../components/button";
import { QueryView } from "../../components/query-view";
import { FormErrorAlert } from "../../components/states";
import { useAiRoles, useContextMutation } from "./queries";

type Role = OrgAiRolesView["items"][number];

function RoleRow({ orgId, role, canWrite }: { orgId: string; role: Role; canWrite: boolean }) {
  const [note, setNote] = useState(role.note);
  const save = useContextMutation(orgId, (plays: boolean) =>
    plays
      ? contextApi.setAiRole(orgId, role.role, { note, ...(role.version ? { version: role.version } : {}) })
      : contextApi.removeAiRole(orgId, role.role, role.version!),
  );
  const id = `role-${role.role}`;
  return (
    <li className="rounded-lg border border-slate-200 p-4">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1"
          checked={role.plays}
          disabled={!canWrite || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <div className="flex-1 space-y-2">
          <label htmlFor={id} className="font-semibold text-slate-900">
            {role.label}
          </label>
          <p className="text-sm text-slate-700">{role.description}</p>
          {role.plays && (
            <div className="flex gap-2">
              <input
                aria-label={`Note on the ${role.label} role`}
                className="block w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm"
                value={note}
                disabled={!canWrite}
                placeholder="How and where the organization plays this role"
                onChange={(e) => setNote(e.target.value)}
              />
              {canWrite && note !== role.note && (
                <Button size="sm" onClick={() => save.mutate(true)} disabled={save.isPending}>
                  Save note
                </Button>
              )}
            </div>
          )}
          <FormErrorAlert mutation={save} />
        </div>
      </div>
    </li>
  );
}

/** The AI roles the organization plays (the 4.1 note): tick the roles, add a note on each. */
export function AiRolesTab({ orgId }: { orgId: string }) {
  const query = useAiRoles(orgId);
  return (
    <QueryView query={query} loadingLabel="Loading AI roles…">
      {(data) => (
        <ul className="space-y-3">
          {data.items.map((r) => (
            <RoleRow
              key={`${r.role}-${r.version}`}
              orgId={orgId}
              role={r}
              canWrite={data.abilities.write ?? false}
            />
          ))}
        </ul>
      )}
    </QueryView>
  );
}
