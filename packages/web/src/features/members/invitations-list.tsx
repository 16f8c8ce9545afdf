import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invitationsApi } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Section } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert, errorMessage } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDateTime } from "../../lib/format";
import { memberKeys, useInvitations } from "./queries";

export function InvitationsList({ orgId, canRevoke }: { orgId: string; canRevoke: boolean }) {
  const invitations = useInvitations(orgId);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => invitationsApi.revoke(orgId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(orgId) }),
  });

  return (
    <Section title="Invitations">
      {revoke.isError && <Alert>{errorMessage(revoke.error)}</Alert>}
      <QueryView
        query={invitations}
        loadingLabel="Loading invitations…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="text-sm text-slate-700">No invitations.</p>}
      >
        {(data) => (
          <Table caption="Invitations">
            <TableHead columns={["Email", "Role", "Status", "Expires"]} actions />
            <TableBody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <Td>{i.email}</Td>
                  <Td>{i.roleLabel}</Td>
                  <Td>
                    <Badge tone={i.status === "pending" ? "blue" : "neutral"}>{i.status}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(i.expiresAt)}</Td>
                  <Td className="text-right">
                    {canRevoke && i.status === "pending" && (
                      <Button
                        size="sm"
                        onClick={() => revoke.mutate(i.id)}
                        busy={revoke.isPending && revoke.variables === i.id}
                        aria-label={`Revoke invitation for ${i.email}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryView>
    </Section>
  );
}
