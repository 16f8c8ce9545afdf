import { useState } from "react";
import {
  issueKindLabels,
  issueKinds,
  issueTopicLabels,
  issueTopics,
  type CreateContextIssueInput,
} from "@openaims/core";
import { contextApi, type ContextIssueView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { FormDialog } from "../../components/dialog";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { CursorPager } from "../../components/pager";
import { QueryView } from "../../components/query-view";
import { EmptyState, FormErrorAlert } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { fieldErrors, useContextMutation, useIssues } from "./queries";

type Draft = Omit<CreateContextIssueInput, "ownerId">;
const blank: Draft = {
  kind: "internal",
  topic: "organizational",
  title: "",
  description: "",
  effect: "",
  source: "",
  reviewDate: null,
};

function IssueDialog({
  orgId,
  issue,
  onClose,
}: {
  orgId: string;
  issue: ContextIssueView | null;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(
    issue
      ? {
          kind: issue.kind,
          topic: issue.topic,
          title: issue.title,
          description: issue.description,
          effect: issue.effect,
          source: issue.source,
          reviewDate: issue.reviewDate,
        }
      : blank,
  );
  const save = useContextMutation(orgId, (d: Draft) =>
    issue
      ? contextApi.updateIssue(orgId, issue.id, { ...d, version: issue.version })
      : contextApi.createIssue(orgId, d),
  );
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (f: string) => fieldErrors(save.error, f);
  return (
    <FormDialog
      title={issue ? "Edit issue" : "New issue"}
      wide
      mutation={save}
      onSubmit={() => save.mutate(draft, { onSuccess: onClose })}
      onClose={onClose}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as Draft["kind"] })}
          options={issueKinds.map((k) => ({ value: k, label: issueKindLabels[k] }))}
          errors={err("kind")}
        />
        <SelectField
          label="Topic"
          value={draft.topic}
          onChange={(e) => set({ topic: e.target.value as Draft["topic"] })}
          options={issueTopics.map((t) => ({ value: t, label: issueTopicLabels[t] }))}
          errors={err("topic")}
        />
      </div>
      <TextField
        label="Title"
        required
        value={draft.title}
        onChange={(e) => set({ title: e.target.value })}
        errors={err("title")}
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        errors={err("description")}
      />
      <TextAreaField
        label="Effect on the AIMS"
        hint="How this issue helps or hinders the AIMS in reaching its intended results."
        value={draft.effect}
        onChange={(e) => set({ effect: e.target.value })}
        errors={err("effect")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Source"
          value={draft.source}
          onChange={(e) => set({ source: e.target.value })}
          errors={err("source")}
        />
        <TextField
          label="Next review"
          type="date"
          value={draft.reviewDate ?? ""}
          onChange={(e) => set({ reviewDate: e.target.value || null })}
          errors={err("reviewDate")}
        />
      </div>
    </FormDialog>
  );
}

export function IssuesTab({ orgId }: { orgId: string }) {
  const [archived, setArchived] = useState<"false" | "true">("false");
  const [editing, setEditing] = useState<ContextIssueView | "new" | null>(null);
  const pages = useCursorPages(`issues:${archived}`);
  const query = useIssues(orgId, archived, pages.cursor);
  const toggle = useContextMutation(orgId, (i: ContextIssueView) =>
    contextApi.archiveIssue(orgId, i.id, i.version, !i.archivedAt),
  );
  const canWrite = query.data?.abilities.write ?? false;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={archived === "true"}
            onChange={(e) => setArchived(e.target.checked ? "true" : "false")}
          />
          Show archived issues
        </label>
        {canWrite && (
          <Button variant="primary" onClick={() => setEditing("new")}>
            New issue
          </Button>
        )}
      </div>
      <FormErrorAlert mutation={toggle} />
      <QueryView
        query={query}
        loadingLabel="Loading issues…"
        isEmpty={(d) => d.items.length === 0 && !pages.hasPrevious}
        empty={
          <EmptyState title="No issues recorded">
            Record at least one internal and one external issue that affects what your AIMS can achieve.
          </EmptyState>
        }
      >
        {(page) => (
          <>
            <Table caption="Internal and external issues">
              <TableHead
                columns={["Issue", "Kind", "Topic", "Effect on the AIMS", "Next review"]}
                actions={canWrite}
              />
              <TableBody>
                {page.items.map((i) => (
                  <tr key={i.id}>
                    <Td>
                      <div className="font-medium text-slate-900">{i.title}</div>
                      {i.source && <div className="text-xs text-slate-600">Source: {i.source}</div>}
                    </Td>
                    <Td>{issueKindLabels[i.kind]}</Td>
                    <Td>{issueTopicLabels[i.topic]}</Td>
                    <Td className="max-w-md whitespace-pre-line">{i.effect}</Td>
                    <Td>
                      {i.reviewDate ?? "—"}{" "}
                      {i.reviewDue && !i.archivedAt && <Badge tone="amber">review due</Badge>}
                    </Td>
                    {canWrite && (
                      <Td className="space-x-2 text-right whitespace-nowrap">
                        {!i.archivedAt && (
                          <Button size="sm" onClick={() => setEditing(i)}>
                            Edit
                          </Button>
                        )}
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => toggle.mutate(i)}
                          disabled={toggle.isPending}
                        >
                          {i.archivedAt ? "Restore" : "Archive"}
                        </Button>
                      </Td>
                    )}
                  </tr>
                ))}
              </TableBody>
            </Table>
            <CursorPager label="Issue pages" pages={pages} page={page} busy={query.isFetching} />
          </>
        )}
      </QueryView>
      {editing && (
        <IssueDialog
          orgId={orgId}
          issue={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
