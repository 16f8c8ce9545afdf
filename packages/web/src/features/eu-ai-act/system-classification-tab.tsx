import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ObligationStatus } from "@openaims/core";
import {
  euAiActApi,
  isApiError,
  type ClassificationAnswers,
  type SystemClassificationDetail,
  type SystemObligationView,
} from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { QueryView } from "../../components/query-view";
import { TextAreaField, TextField } from "../../components/form-controls";
import { Alert, EmptyState, errorMessage } from "../../components/states";
import { issuesAt } from "../../lib/field-errors";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { ClassificationCard } from "./classification-card";
import { ClassificationQuestionnaire } from "./classifier-page";

const keys = {
  classification: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "classification", systemId] as const,
  obligations: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "obligations", systemId] as const,
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const statusLabel: Record<ObligationStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  met: "Met",
  not_applicable: "Not applicable",
};
const statusTone = { open: "amber", in_progress: "blue", met: "green", not_applicable: "neutral" } as const;

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
      void qc.invalidateQueries({ queryKey: keys.obligations(orgId, systemId) });
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

/** Obligations as a timeline: grouped by the date they apply from, with the status editable inline. */
function SystemObligations({ orgId, systemId }: { orgId: string; systemId: string }) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: keys.obligations(orgId, systemId),
    queryFn: () => euAiActApi.obligations(orgId, systemId),
  });
  const update = useMutation({
    mutationFn: ({ o, status }: { o: SystemObligationView; status: ObligationStatus }) =>
      euAiActApi.updateObligation(orgId, systemId, o.id, { version: o.version, status }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.obligations(orgId, systemId) }),
  });

  return (
    <section aria-labelledby="obligations-heading" className="space-y-3">
      <h2 id="obligations-heading" className="text-lg font-semibold text-slate-900">
        Obligations
      </h2>
      {update.isError && <Alert>{errorMessage(update.error)}</Alert>}
      <QueryView
        query={query}
        loadingLabel="Loading obligations…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title="No obligations tracked">
            Classify the system to see what it owes under the EU AI Act and by when.
          </EmptyState>
        }
      >
        {(list) => {
          const groups = new Map<string, SystemObligationView[]>();
          for (const o of list.items) groups.set(o.appliesFrom, [...(groups.get(o.appliesFrom) ?? []), o]);
          return (
            <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
              {[...groups].map(([date, items]) => (
                <li key={date}>
                  <h3 className="text-sm font-semibold text-slate-900">
                    Applies from <time dateTime={date}>{date}</time>
                  </h3>
                  <ul className="mt-2 space-y-2">
                    {items.map((o) => (
                      <li
                        key={o.id}
                        className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3"
                      >
                        <div className="min-w-0">
                          <p className="font-medium text-slate-900">
                            {o.article} — {o.title}
                          </p>
                          <p className="text-xs text-slate-700">
                            {o.role.replace(/_/g, " ")} · due {o.dueDate}
                            {o.ownerName ? ` · owner ${o.ownerName}` : ""}
                            {o.applicable ? "" : " · no longer generated by the classification"}
                          </p>
                          {o.notes && <p className="mt-1 text-sm text-slate-800">{o.notes}</p>}
                          {o.abilities.update && o.applicable && (
                            <ObligationDetailsEditor orgId={orgId} systemId={systemId} obligation={o} />
                          )}
                        </div>
                        {o.abilities.update && o.applicable ? (
                          <label className="flex items-center gap-2 text-sm text-slate-800">
                            <span className="sr-only">Status of {o.article}</span>
                            <select
                              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                              value={o.status}
                              disabled={update.isPending}
                              onChange={(e) =>
                                update.mutate({ o, status: e.target.value as ObligationStatus })
                              }
                            >
                              {(Object.keys(statusLabel) as ObligationStatus[]).map((s) => (
                                <option key={s} value={s}>
                                  {statusLabel[s]}
                                </option>
                              ))}
                            </select>
                          </label>
                        ) : (
                          <Badge tone={statusTone[o.status]}>{statusLabel[o.status]}</Badge>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          );
        }}
      </QueryView>
    </section>
  );
}

/** Due date (not later than appliesFrom; empty = appliesFrom) and notes of one obligation. */
function ObligationDetailsEditor({
  orgId,
  systemId,
  obligation: o,
}: {
  orgId: string;
  systemId: string;
  obligation: SystemObligationView;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [dueDate, setDueDate] = useState(o.dueDateSet ? o.dueDate : "");
  const [notes, setNotes] = useState(o.notes);
  const save = useMutation({
    mutationFn: () =>
      euAiActApi.updateObligation(orgId, systemId, o.id, {
        version: o.version,
        dueDate: dueDate === "" ? null : dueDate,
        notes,
      }),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: keys.obligations(orgId, systemId) });
    },
  });
  const at = issuesAt(isApiError(save.error) ? save.error.issues : []);
  if (!open)
    return (
      <button
        type="button"
        className="mt-1 text-xs font-medium text-blue-800 underline"
        onClick={() => setOpen(true)}
      >
        Edit due date and notes
      </button>
    );
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField
        label="Due date"
        type="date"
        hint={`Empty = ${o.appliesFrom}; may be earlier, not later.`}
        max={o.appliesFrom}
        value={dueDate}
        errors={at("dueDate")}
        onChange={(e) => setDueDate(e.target.value)}
      />
      <TextAreaField
        label="Notes"
        value={notes}
        errors={at("notes")}
        onChange={(e) => setNotes(e.target.value)}
      />
      {save.isError && !(isApiError(save.error) && save.error.issues.length > 0) && (
        <Alert>{errorMessage(save.error)}</Alert>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
