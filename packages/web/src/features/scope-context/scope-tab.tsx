import { useState } from "react";
import { scopeStatusLabels, type ScopeExclusion } from "@openaims/core";
import { scopeApi, type ScopeVersionView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { TextAreaField, TextField } from "../../components/form-controls";
import { Section } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert, EmptyState, FormErrorAlert } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { ScopeDiffPanel } from "./scope-diff-panel";
import { fieldErrors, useContextMutation, useScope, useScopeVersions } from "./queries";

const statusTone = { draft: "neutral", in_review: "blue", approved: "green", superseded: "neutral" } as const;

function ScopeReadOnly({ v }: { v: ScopeVersionView }) {
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="font-medium text-slate-900">Statement</dt>
        <dd className="whitespace-pre-line text-slate-800">{v.statement || "—"}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-900">Included</dt>
        <dd>
          {v.inclusions.length ? (
            <ul className="list-disc pl-5">
              {v.inclusions.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
      </div>
      <div>
        <dt className="font-medium text-slate-900">Excluded, and why</dt>
        <dd>
          {v.exclusions.length ? (
            <ul className="list-disc pl-5">
              {v.exclusions.map((e) => (
                <li key={e.item}>
                  <span className="font-medium">{e.item}</span>: {e.justification}
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
      </div>
      <div>
        <dt className="font-medium text-slate-900">Boundaries</dt>
        <dd className="whitespace-pre-line text-slate-800">{v.boundaries || "—"}</dd>
      </div>
    </dl>
  );
}

function DraftEditor({ orgId, v }: { orgId: string; v: ScopeVersionView }) {
  const [statement, setStatement] = useState(v.statement);
  const [inclusions, setInclusions] = useState(v.inclusions.join("\n"));
  const [exclusions, setExclusions] = useState<ScopeExclusion[]>(v.exclusions);
  const [boundaries, setBoundaries] = useState(v.boundaries);
  const save = useContextMutation(orgId, () =>
    scopeApi.update(orgId, v.number, {
      version: v.version,
      statement,
      boundaries,
      inclusions: inclusions
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
      exclusions,
    }),
  );
  const setExclusion = (i: number, patch: Partial<ScopeExclusion>) =>
    setExclusions((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <FormErrorAlert mutation={save} />
      <TextAreaField
        label="Scope statement"
        rows={4}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        errors={fieldErrors(save.error, "statement")}
      />
      <TextAreaField
        label="Included (one per line)"
        hint="AI systems, business units, sites, processes the AIMS covers."
        rows={4}
        value={inclusions}
        onChange={(e) => setInclusions(e.target.value)}
        errors={fieldErrors(save.error, "inclusions")}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Excluded, each with its justification</legend>
        {exclusions.map((x, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
            <TextField
              label={`Exclusion ${i + 1}`}
              value={x.item}
              onChange={(e) => setExclusion(i, { item: e.target.value })}
              errors={fieldErrors(save.error, `exclusions.${i}.item`)}
            />
            <TextField
              label="Justification"
              value={x.justification}
              onChange={(e) => setExclusion(i, { justification: e.target.value })}
              errors={fieldErrors(save.error, `exclusions.${i}.justification`)}
            />
            <Button
              type="button"
              variant="ghost"
              className="self-end"
              onClick={() => setExclusions((xs) => xs.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          type="button"
          size="sm"
          onClick={() => setExclusions((xs) => [...xs, { item: "", justification: "" }])}
        >
          Add exclusion
        </Button>
      </fieldset>
      <TextAreaField
        label="Boundaries"
        hint="Optional: interfaces and dependencies at the edge of the scope."
        value={boundaries}
        onChange={(e) => setBoundaries(e.target.value)}
      />
      <Button type="submit" variant="primary" disabled={save.isPending}>
        Save draft
      </Button>
    </form>
  );
}

function OpenVersion({ orgId, v }: { orgId: string; v: ScopeVersionView }) {
  const [note, setNote] = useState("");
  const act = useContextMutation(orgId, (action: "submit" | "approve" | "reject") =>
    scopeApi.act(orgId, v.number, action, { version: v.version, ...(action === "reject" ? { note } : {}) }),
  );
  return (
    <div className="space-y-4">
      {v.rejectionNote && <Alert tone="info">Sent back: {v.rejectionNote}</Alert>}
      <FormErrorAlert mutation={act} />
      {v.abilities.edit ? <DraftEditor key={v.version} orgId={orgId} v={v} /> : <ScopeReadOnly v={v} />}
      <div className="flex flex-wrap items-end gap-2">
        {v.abilities.submit && (
          <Button onClick={() => act.mutate("submit")} disabled={act.isPending}>
            Submit for approval
          </Button>
        )}
        {v.abilities.approve && (
          <Button variant="primary" onClick={() => act.mutate("approve")} disabled={act.isPending}>
            Approve
          </Button>
        )}
        {v.abilities.reject && (
          <>
            <TextField
              label="Reason for sending back"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button variant="danger" onClick={() => act.mutate("reject")} disabled={act.isPending}>
              Send back
            </Button>
          </>
        )}
        {v.status === "in_review" && !v.abilities.approve && (
          <p className="text-sm text-slate-700">
            Someone with approval rights who did not write this version must approve it.
          </p>
        )}
      </div>
      <ScopeDiffPanel orgId={orgId} number={v.number} />
    </div>
  );
}

export function ScopeTab({ orgId }: { orgId: string }) {
  const query = useScope(orgId);
  const versions = useScopeVersions(orgId);
  const start = useContextMutation(orgId, () => scopeApi.newDraft(orgId));
  return (
    <QueryView query={query} loadingLabel="Loading the scope…">
      {(scope) => (
        <>
          <FormErrorAlert mutation={start} />
          <Section
            title={scope.approved ? `Scope in force (version ${scope.approved.number})` : "Scope in force"}
            actions={
              scope.abilities.newDraft && (
                <Button onClick={() => start.mutate(undefined)} disabled={start.isPending}>
                  {scope.approved ? "Start a new draft" : "Start the first draft"}
                </Button>
              )
            }
          >
            {scope.approved ? (
              <>
                <p className="mb-3 text-sm text-slate-700">
                  Approved {scope.approved.approvedAt?.slice(0, 10)} by {scope.approved.approvedByName ?? "—"}
                </p>
                <ScopeReadOnly v={scope.approved} />
              </>
            ) : (
              <EmptyState title="No approved scope yet">
                Draft the scope of your AIMS and have someone else approve it.
              </EmptyState>
            )}
          </Section>
          {scope.draft && (
            <Section
              title={`Version ${scope.draft.number}`}
              actions={
                <Badge tone={statusTone[scope.draft.status]}>{scopeStatusLabels[scope.draft.status]}</Badge>
              }
            >
              <OpenVersion orgId={orgId} v={scope.draft} />
            </Section>
          )}
          <Section title="All versions">
            <QueryView query={versions} loadingLabel="Loading versions…">
              {(page) => (
                <Table caption="Scope versions">
                  <TableHead columns={["Version", "Status", "Author", "Approved"]} />
                  <TableBody>
                    {page.items.map((v) => (
                      <tr key={v.id}>
                        <Td>{v.number}</Td>
                        <Td>
                          <Badge tone={statusTone[v.status]}>{scopeStatusLabels[v.status]}</Badge>
                        </Td>
                        <Td>{v.authorName ?? "—"}</Td>
                        <Td>
                          {v.approvedAt ? `${v.approvedAt.slice(0, 10)} by ${v.approvedByName ?? "—"}` : "—"}
                        </Td>
                      </tr>
                    ))}
                  </TableBody>
                </Table>
              )}
            </QueryView>
          </Section>
        </>
      )}
    </QueryView>
  );
}
