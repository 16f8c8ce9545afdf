import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { UserPlus } from "lucide-react";
import { membersApi } from "../../api";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { Pager } from "../../components/pager";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Table, Th } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { useCan, useMe } from "../session/use-me";
import { InvitationsList } from "./invitations-list";
import { InviteDialog } from "./invite-dialog";
import { MemberRow } from "./member-row";
import { memberKeys, useRoles } from "./queries";
import { roleOptions } from "./role-options";

const route = getRouteApi("/orgs/$orgId/settings/members");

export function MembersPage() {
  const { orgId } = route.useParams();
  const me = useMe();
  const can = useCan(orgId);
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const [inviting, setInviting] = useState(false);
  const query = { q: useDebouncedValue(q.trim(), 300), status };
  const pages = useCursorPages(JSON.stringify(query));
  const members = useQuery({
    queryKey: memberKeys.page(orgId, { ...query, cursor: pages.cursor }),
    queryFn: ({ signal }) => membersApi.list(orgId, { ...query, limit: 50, cursor: pages.cursor }, signal),
  });
  const roles = useRoles(orgId);
  const myRole = me?.memberships.find((m) => m.orgId === orgId)?.role;
  const options = roleOptions(roles.data, { allowOwner: myRole === "owner" });

  return (
    <>
      <PageHeader
        title="Members"
        description="People in this organization and the role each one holds."
        actions={
          can("member.invite") && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              <UserPlus className="size-4" aria-hidden="true" />
              Invite member
            </Button>
          )
        }
      />
      <section aria-label="Members" className="mb-10">
        <div role="search" aria-label="Filter members" className="mb-3 grid max-w-2xl gap-3 sm:grid-cols-3">
          <TextField
            label="Search members"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="sm:col-span-2"
          />
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            options={[
              { value: "", label: "All" },
              { value: "active", label: "Active" },
              { value: "deactivated", label: "Deactivated" },
            ]}
          />
        </div>
        {members.isPending ? (
          <LoadingState label="Loading members…" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <EmptyState title="No members match" />
        ) : (
          <>
            <Table caption="Members">
              <thead>
                <tr>
                  <Th>Member</Th>
                  <Th>Role</Th>
                  <Th>Status</Th>
                  <Th>Joined</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {members.data.items.map((m) => (
                  <MemberRow
                    key={m.id}
                    orgId={orgId}
                    member={m}
                    roleOptions={options}
                    canUpdate={can("member.update")}
                    canDeactivate={can("member.deactivate")}
                    isSelf={m.userId === me?.user.id}
                  />
                ))}
              </tbody>
            </Table>
            <Pager
              label="Members pages"
              pageNumber={pages.pageNumber}
              hasPrevious={pages.hasPrevious}
              nextCursor={members.data.nextCursor}
              onPrevious={pages.previous}
              onNext={pages.next}
              total={members.data.total}
            />
          </>
        )}
      </section>
      {can("member.read") && <InvitationsList orgId={orgId} canRevoke={can("member.invite")} />}
      <InviteDialog orgId={orgId} open={inviting} onOpenChange={setInviting} roleOptions={options} />
    </>
  );
}
