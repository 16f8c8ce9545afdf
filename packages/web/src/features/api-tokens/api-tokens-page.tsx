import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { apiTokensApi, type ApiTokenView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDate, formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan, useMe } from "../session/use-me";
import { CreateTokenDialog } from "./create-token-dialog";
import { apiTokenKeys } from "./queries";

const route = getRouteApi("/orgs/$orgId/settings/api-tokens");

function tokenStatus(t: ApiTokenView): { label: string; tone: "green" | "neutral" | "amber" } {
  if (t.revokedAt) return { label: "Revoked", tone: "neutral" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "Expired", tone: "amber" };
  return { label: "Active", tone: "green" };
}

export function ApiTokensPage() {
  const { orgId } = route.useParams();
  const me = useMe();
  const can = useCan(orgId);
  const queryClient = useQueryClient();
  const pages = useCursorPages("tokens");
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const tokens = useQuery({
    queryKey: [...apiTokenKeys.all(orgId), pages.cursor ?? ""],
    queryFn: ({ signal }) => apiTokensApi.list(orgId, { limit: 50, cursor: pages.cursor }, signal),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiTokensApi.revoke(orgId, id),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: apiTokenKeys.all(orgId) });
    },
  });
  const mayRevoke = (t: ApiTokenView) =>
    !t.revokedAt && (t.userId === me?.user.id || can("api_token.manage"));

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and the aims CLI act in this organization. Each token acts with its role."
        actions={
          can("api_token.create") && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden="true" />
              Create token
            </Button>
          )
        }
      />
      <QueryView
        query={tokens}
        loadingLabel="Loading API tokens…"
        isEmpty={(data) => data.items.length === 0 && !pages.hasPrevious}
        empty={<EmptyState title="No API tokens" />}
      >
        {(data) => (
          <>
            <Table caption="API tokens">
              <TableHead
                columns={["Name", "Prefix", "Role", "Owner", "Last used", "Expires", "Status"]}
                actions
              />
              <TableBody>
                {data.items.map((t) => {
                  const status = tokenStatus(t);
                  return (
                    <tr key={t.id}>
                      <Td className="font-medium">{t.name}</Td>
                      <Td>
                        <code className="font-mono text-xs">{t.prefix}…</code>
                      </Td>
                      <Td>{t.roleLabel}</Td>
                      <Td>{t.userName}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(t.lastUsedAt)}</Td>
                      <Td className="whitespace-nowrap">{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</Td>
                      <Td>
                        <Badge tone={status.tone}>{status.label}</Badge>
                      </Td>
                      <Td className="text-right">
                        {mayRevoke(t) && (
                          <Button
                            size="sm"
                            onClick={() => {
                              revoke.reset();
                              setRevoking(t);
                            }}
                            aria-label={`Revoke token ${t.name}`}
                          >
                            Revoke
                          </Button>
                        )}
                      </Td>
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
            <CursorPager label="API token pages" pages={pages} page={data} />
          </>
        )}
      </QueryView>
      <CreateTokenDialog orgId={orgId} open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(o) => !o && setRevoking(null)}
        title={`Revoke token ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke token"
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        busy={revoke.isPending}
        error={revoke.error}
      >
        Anything using this token stops working at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
