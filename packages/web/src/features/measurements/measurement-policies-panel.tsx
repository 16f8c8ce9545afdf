import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { measurementsApi, measurementTrendsApi, type MeasurementPolicyView } from "../../api";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { QueryView } from "../../components/query-view";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { measurementKeys } from "./measurement-format";
import { PolicyFormDialog } from "./policy-form-dialog";

/** The AI system's thresholds; people who may change the system set, change and remove them here. */
export function MeasurementPoliciesPanel({
  orgId,
  systemId,
  scopes,
}: {
  orgId: string;
  systemId: string;
  /** attributes and columns of the system's runs, offered in the form */
  scopes: string[];
}) {
  const qc = useQueryClient();
  const policies = useQuery({
    queryKey: measurementKeys.policies(orgId, systemId),
    queryFn: ({ signal }) => measurementsApi.policies(orgId, systemId, signal),
  });
  const [editing, setEditing] = useState<MeasurementPolicyView | "new" | null>(null);
  const [removing, setRemoving] = useState<MeasurementPolicyView | null>(null);
  const remove = useMutation({
    mutationFn: (p: MeasurementPolicyView) => measurementTrendsApi.deletePolicy(orgId, p.id, p.version),
    onSuccess: async () => {
      setRemoving(null);
      await qc.invalidateQueries({ queryKey: measurementKeys.policies(orgId, systemId) });
    },
  });
  return (
    <QueryView query={policies} loadingLabel="Loading policies…">
      {(p) => {
        const canSet = p.abilities.setPolicies === true;
        return (
          <section aria-label="Measurement policies" className="space-y-2">
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-base font-semibold text-slate-900">Policies</h3>
              {canSet && (
                <Button size="sm" onClick={() => setEditing("new")}>
                  Set a threshold
                </Button>
              )}
            </div>
            {p.items.length === 0 ? (
              <p className="text-sm text-slate-600">No thresholds are set for this AI system.</p>
            ) : (
              <Table caption="Thresholds checked against every run recorded">
                <TableHead columns={["Rule", "Kind", "Why"]} actions={canSet} />
                <TableBody>
                  {p.items.map((x) => (
                    <tr key={x.id}>
                      <Td className="font-mono text-xs">{x.label}</Td>
                      <Td>{x.kind}</Td>
                      <Td className="text-xs">{x.description || "—"}</Td>
                      {canSet && (
                        <Td className="space-x-2 text-right whitespace-nowrap">
                          <Button size="sm" variant="ghost" onClick={() => setEditing(x)}>
                            Edit<span className="sr-only"> {x.label}</span>
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setRemoving(x)}>
                            Remove<span className="sr-only"> {x.label}</span>
                          </Button>
                        </Td>
                      )}
                    </tr>
                  ))}
                </TableBody>
              </Table>
            )}
            {editing && (
              <PolicyFormDialog
                orgId={orgId}
                systemId={systemId}
                policy={editing === "new" ? null : editing}
                attributes={scopes}
                onClose={() => setEditing(null)}
              />
            )}
            <ConfirmDialog
              open={removing !== null}
              onOpenChange={(o) => {
                if (!o) {
                  setRemoving(null);
                  remove.reset();
                }
              }}
              title="Remove this threshold?"
              confirmLabel="Remove"
              onConfirm={() => removing && remove.mutate(removing)}
              busy={remove.isPending}
              error={remove.error}
            >
              {removing?.label} will no longer be checked. Runs already recorded keep their outcome.
            </ConfirmDialog>
          </section>
        );
      }}
    </QueryView>
  );
}
