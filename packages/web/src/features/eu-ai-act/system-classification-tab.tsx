import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { euAiActApi, type ClassificationAnswers, type SystemClassificationDetail } from "../../api";
import { Button } from "../../components/button";
import { QueryView } from "../../components/query-view";
import { Alert } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { ClassificationCard } from "./classification-card";
import { ClassificationQuestionnaire } from "./classifier-page";
import { obligationKeys, SystemObligations } from "./system-obligations";

const keys = {
  classification: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "classification", systemId] as const,
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function summary(c: SystemClassificationDetail["history"][number]): string {
  const r = c.result;
  const parts = [
    r.prohibited ? "prohibited" : null,
    r.highRisk
      ? `high-risk (${r.highRiskRoute === "annex_i" ? "Annex I" : `Annex III ${r.annexIIIPoint}`})`
      : null,
    r.transparency.length > 0 ? `transparency ${r.transparency.join(", ")}` : null,
    r.gpai !== "none" ? r.gpai.replace(/_/g, " ") : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "minimal risk";
}

/** The AI system's Classification tab: the stored classification, the questionnaire, history and obligations. */
export function SystemClassificationTab({ orgId, systemId }: { orgId: string; systemId: string }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: keys.classification(orgId, systemId),
    queryFn: () => euAiActApi.systemClassification(orgId, systemId),
  });
  const save = useMutation({
    mutationFn: (answers: ClassificationAnswers) => euAiActApi.classifySystem(orgId, systemId, answers),
    onSuccess: (detail) => {
      qc.setQueryData(keys.classification(orgId, systemId), detail);
      void qc.invalidateQueries({ queryKey: obligationKeys.system(orgId, systemId) });
      void qc.invalidateQueries({ queryKey: obligationKeys.org(orgId) });
      setEditing(false);
    },
  });

  return (
    <QueryView query={query} loadingLabel="Loading the classification…">
      {(detail) => (
        <div className="space-y-6">
          <section aria-labelledby="classification-heading" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="classification-heading" className="text-lg font-semibold text-slate-900">
                {detail.current
                  ? `EU AI Act classification ${detail.current.number}`
                  : "Not classified under the EU AI Act yet"}
              </h2>
              {detail.abilities.classify && !editing && (
                <Button onClick={() => setEditing(true)}>
                  {detail.current ? "Re-classify" : "Classify"}
                </Button>
              )}
            </div>
            {detail.current && detail.current.ruleDataId !== detail.currentRuleDataId && (
              <Alert>
                This classification used older rule data ({detail.current.ruleDataId}); classify again to
                apply {detail.currentRuleDataId}.
              </Alert>
            )}
            {editing && (
              <div className="space-y-3">
                <ClassificationQuestionnaire
                  initial={detail.current?.answers as ClassificationAnswers | undefined}
                  submitLabel="Save classification"
                  pendingLabel="Saving…"
                  pending={save.isPending}
                  error={save.isError ? save.error : null}
                  onValid={(answers) => save.mutate(answers)}
                />
                <Button onClick={() => setEditing(false)}>Cancel</Button>
              </div>
            )}
            {detail.current && !editing && (
              <>
                <p className="text-sm text-slate-700">
                  By {detail.current.createdByName ?? "a former member"} on{" "}
                  {when.format(new Date(detail.current.createdAt))}, rule data {detail.current.ruleDataId}.
                </p>
                <ClassificationCard result={detail.current.result} />
              </>
            )}
          </section>

          <SystemObligations orgId={orgId} systemId={systemId} />

          {detail.history.length > 0 && (
            <section aria-labelledby="classification-history-heading" className="space-y-2">
              <h2 id="classification-history-heading" className="text-lg font-semibold text-slate-900">
                Classification history
              </h2>
              <Table caption="Classification history, newest first">
                <TableHead columns={["Version", "Date", "By", "Result", "Rule data"]} />
                <TableBody>
                  {detail.history.map((c) => (
                    <tr key={c.id}>
                      <Td>{c.number}</Td>
                      <Td>{when.format(new Date(c.createdAt))}</Td>
                      <Td>{c.createdByName ?? "—"}</Td>
                      <Td>{summary(c)}</Td>
                      <Td>{c.ruleDataId}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
        </div>
      )}
    </QueryView>
  );
}
