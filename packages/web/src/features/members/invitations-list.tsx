import { useMutation, useQueryClient } from "@tanstack/react-query";
import { invitationsApi } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { Table, Td, Th } from "../../components/table";
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
      {invitations.isPending ? (
        <LoadingState label="Loading invitations…" />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">No invitations.</p>
      ) : (
        <Table caption="Invitations">
          <thead>
            <tr>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Expires</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {invitations.data.items.map((i) => (
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
          </tbody>
        </Table>
      )}
    </Section>
  );
}
