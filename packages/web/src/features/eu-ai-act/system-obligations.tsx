import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import type { ObligationStatus } from "@openaims/core";
import { documentsApi, euAiActApi, evidenceApi, isApiError, type SystemObligationView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { QueryView } from "../../components/query-view";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { Alert, EmptyState, errorMessage } from "../../components/states";
import { issuesAt } from "../../lib/field-errors";
import { useMemberDirectory } from "../members/queries";
import {
  ObligationItem,
  ObligationTimeline,
  obligationStatusLabel,
  obligationStatusTone,
} from "./obligation-parts";

export const obligationKeys = {
  system: (orgId: string, systemId: string) =>
    ["orgs", orgId, "ai-systems", "obligations", systemId] as const,
  org: (orgId: string) => ["orgs", orgId, "obligations"] as const,
};

type LinkItem = SystemObligationView["links"][number];

/** Obligations of one system as a timeline: status inline; owner, due date, notes and links in an editor. */
export function SystemObligations({ orgId, systemId }: { orgId: string; systemId: string }) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: obligationKeys.system(orgId, systemId),
    queryFn: () => euAiActApi.obligations(orgId, systemId),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: obligationKeys.system(orgId, systemId) });
    void qc.invalidateQueries({ queryKey: obligationKeys.org(orgId) });
  };
  const update = useMutation({
    mutationFn: ({ o, status }: { o: SystemObligationView; status: ObligationStatus }) =>
      euAiActApi.updateObligation(orgId, systemId, o.id, { version: o.version, status }),
    onSettled: refresh,
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
        {(list) => (
          <ObligationTimeline
            items={list.items}
            renderItem={(o) => (
              <ObligationItem
                key={o.id}
                orgId={orgId}
                o={o}
                aside={
                  o.abilities.update && o.applicable ? (
                    <label className="flex items-center gap-2 text-sm text-slate-800">
                      <span className="sr-only">Status of {o.article}</span>
                      <select
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                        value={o.status}
                        disabled={update.isPending}
                        onChange={(e) => update.mutate({ o, status: e.target.value as ObligationStatus })}
                      >
                        {(Object.keys(obligationStatusLabel) as ObligationStatus[]).map((s) => (
                          <option key={s} value={s}>
                            {obligationStatusLabel[s]}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : (
                    <Badge tone={obligationStatusTone[o.status]}>{obligationStatusLabel[o.status]}</Badge>
                  )
                }
              >
                {o.abilities.update && o.applicable && (
                  <ObligationEditor orgId={orgId} systemId={systemId} obligation={o} onSaved={refresh} />
                )}
              </ObligationItem>
            )}
          />
        )}
      </QueryView>
    </section>
  );
}

/** Owner, due date (not later than appliesFrom; empty = appliesFrom), notes and linked evidence and documents. */
function ObligationEditor({
  orgId,
  systemId,
  obligation: o,
  onSaved,
}: {
  orgId: string;
  systemId: string;
  obligation: SystemObligationView;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState(o.ownerId ?? "");
  const [dueDate, setDueDate] = useState(o.dueDateSet ? o.dueDate : "");
  const [notes, setNotes] = useState(o.notes);
  const [links, setLinks] = useState<LinkItem[]>(o.links);
  const members = useMemberDirectory(orgId, open);
  const save = useMutation({
    mutationFn: () =>
      euAiActApi.updateObligation(orgId, systemId, o.id, {
        version: o.version,
        ownerId: ownerId === "" ? null : ownerId,
        dueDate: dueDate === "" ? null : dueDate,
        notes,
        links: links.map((l) => ({ type: l.type as "evidence" | "document", id: l.id })),
      }),
    onSuccess: () => {
      setOpen(false);
      onSaved();
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
        Edit owner, due date, notes and evidence
      </button>
    );
  const memberOptions = [
    { value: "", label: "No owner" },
    ...(members.data?.items ?? [])
      .filter((m) => m.status === "active" || m.userId === o.ownerId)
      .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
  ];
  const linkErrors = Object.entries(isApiError(save.error) ? groupLinkIssues(save.error.issues) : {});
  return (
    <form
      className="mt-2 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <SelectField
        label="Owner"
        value={ownerId}
        options={memberOptions}
        errors={at("ownerId")}
        onChange={(e) => setOwnerId(e.target.value)}
      />
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
      <ObligationLinkPicker orgId={orgId} links={links} onChange={setLinks} />
      {linkErrors.map(([path, message]) => (
        <p key={path} className="text-sm text-red-800">
          {message}
        </p>
      ))}
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

const groupLinkIssues = (issues: readonly { path: string; message: string }[]) =>
  Object.fromEntries(issues.filter((i) => i.path.startsWith("links")).map((i) => [i.path, i.message]));

/** Picks evidence items and documents of the organization (the newest 200 of each are offered). */
function ObligationLinkPicker({
  orgId,
  links,
  onChange,
}: {
  orgId: string;
  links: LinkItem[];
  onChange: (links: LinkItem[]) => void;
}) {
  const evidence = useQuery({
    queryKey: ["orgs", orgId, "evidence", "picker"],
    queryFn: ({ signal }) => evidenceApi.list(orgId, { limit: 200 }, signal),
    staleTime: 60_000,
  });
  const documents = useQuery({
    queryKey: ["orgs", orgId, "documents", "picker"],
    queryFn: ({ signal }) => documentsApi.list(orgId, { limit: 200 }, signal),
    staleTime: 60_000,
  });
  const has = (type: string, id: string) => links.some((l) => l.type === type && l.id === id);
  const add = (l: LinkItem) => !has(l.type, l.id) && onChange([...links, l]);
  const choices = [
    ...(evidence.data?.items ?? []).map((e) => ({ type: "evidence" as const, id: e.id, label: e.title })),
    ...(documents.data?.items ?? []).map((d) => ({ type: "document" as const, id: d.id, label: d.title })),
  ];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-900">Evidence and documents</legend>
      <p className="text-xs text-slate-600">
        What shows this obligation is met (records, policies, reports).
      </p>
      {links.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Linked">
          {links.map((l) => (
            <li
              key={`${l.type}|${l.id}`}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-900"
            >
              <span className="text-xs text-slate-600">
                {l.type === "evidence" ? "Evidence" : "Document"}:
              </span>{" "}
              {l.label}
              <button
                type="button"
                onClick={() => onChange(links.filter((x) => !(x.type === l.type && x.id === l.id)))}
                className="rounded-full p-0.5 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600"
                aria-label={`Remove link to ${l.label}`}
              >
                <X className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <SelectField
        label="Add evidence or a document"
        value=""
        options={[
          { value: "", label: evidence.isPending || documents.isPending ? "Loading…" : "Choose…" },
          ...choices.map((c) => ({
            value: `${c.type}|${c.id}`,
            label: `${c.type === "evidence" ? "Evidence" : "Document"}: ${c.label}`,
            disabled: has(c.type, c.id),
          })),
        ]}
        onChange={(e) => {
          const c = choices.find((x) => `${x.type}|${x.id}` === e.target.value);
          if (c) add(c);
        }}
      />
    </fieldset>
  );
}
