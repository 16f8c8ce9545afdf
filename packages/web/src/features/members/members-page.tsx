import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { UserPlus } from "lucide-react";
import { membersApi } from "../../api";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead } from "../../components/table";
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
        <QueryView
          query={members}
          loadingLabel="Loading members…"
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title="No members match" />}
        >
          {(data) => (
            <>
              <Table caption="Members">
                <TableHead columns={["Member", "Role", "Status", "Joined"]} actions />
                <TableBody>
                  {data.items.map((m) => (
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
                </TableBody>
              </Table>
              <CursorPager label="Members pages" pages={pages} page={data} />
            </>
          )}
        </QueryView>
      </section>
      {can("member.read") && <InvitationsList orgId={orgId} canRevoke={can("member.invite")} />}
      <InviteDialog orgId={orgId} open={inviting} onOpenChange={setInviting} roleOptions={options} />
    </>
  );
}
