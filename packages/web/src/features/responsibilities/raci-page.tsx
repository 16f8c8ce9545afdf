import { useMemo, useState } from "react";
import { getRouteApi } from "@tanstack/react-router";
import {
  raciLetterLabels,
  raciLetters,
  raciPartyKey,
  type RaciAssignment,
  type RaciLetter,
} from "@openaims/core";
import { raciApi, type RaciMatrixView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { TextField } from "../../components/form-controls";
import { ExportLinks } from "../../components/export-links";
import { PageHeader, Section, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert, EmptyState, FormErrorAlert } from "../../components/states";
import { fieldErrors, useContextMutation, useRaci } from "../scope-context/queries";

const route = getRouteApi("/orgs/$orgId/responsibilities");
type Column = RaciMatrixView["columns"][number];
type Edits = Record<string, Record<string, RaciLetter | "">>;

function AddActivity({ orgId }: { orgId: string }) {
  const [title, setTitle] = useState("");
  const [node, setNode] = useState("");
  const add = useContextMutation(
    orgId,
    () => raciApi.addActivity(orgId, { title, frameworkNode: node.trim() || null }),
    true,
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(undefined, { onSuccess: () => (setTitle(""), setNode("")) });
      }}
    >
      <TextField
        label="New activity"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={fieldErrors(add.error, "title")}
      />
      <TextField
        label="Framework node (optional)"
        placeholder="e.g. 9.2"
        value={node}
        onChange={(e) => setNode(e.target.value)}
        errors={fieldErrors(add.error, "frameworkNode")}
      />
      <Button type="submit" disabled={add.isPending}>
        Add activity
      </Button>
      <FormErrorAlert mutation={add} />
    </form>
  );
}

function Grid({ orgId, m }: { orgId: string; m: RaciMatrixView }) {
  const [edits, setEdits] = useState<Edits>({});
  const [extra, setExtra] = useState<Column[]>([]);
  const canWrite = m.abilities.write ?? false;
  const columns = useMemo(() => {
    const seen = new Set(m.columns.map(raciPartyKey));
    return [...m.columns, ...extra.filter((c) => !seen.has(raciPartyKey(c)))];
  }, [m.columns, extra]);
  const addable = m.candidates.filter(
    (c) => c.active && !columns.some((x) => raciPartyKey(x) === raciPartyKey(c)),
  );
  const letterOf = (activityId: string, assignments: RaciAssignment[], key: string): RaciLetter | "" =>
    edits[activityId]?.[key] ?? assignments.find((a) => raciPartyKey(a) === key)?.letter ?? "";
  const dirty = Object.keys(edits);
  const save = useContextMutation(
    orgId,
    () =>
      raciApi.putCells(orgId, {
        rows: m.activities
          .filter((a) => edits[a.id])
          .map((a) => ({
            activityId: a.id,
            version: a.version,
            assignments: columns.flatMap((c) => {
              const letter = letterOf(a.id, a.assignments, raciPartyKey(c));
              return letter ? [{ type: c.type, key: c.key, letter }] : [];
            }),
          })),
      }),
    true,
  );
  const remove = useContextMutation(
    orgId,
    (a: RaciMatrixView["activities"][number]) => raciApi.deleteActivity(orgId, a.id, a.version),
    true,
  );
  const issuesOf = (id: string) => m.issues.filter((i) => i.activityId === id);
  return (
    <div className="space-y-3">
      <FormErrorAlert mutation={save} />
      <FormErrorAlert mutation={remove} />
      {canWrite && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm text-slate-800">
            <span className="block font-medium">Add a column</span>
            <select
              className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
              value=""
              onChange={(e) => {
                const c = addable.find((x) => raciPartyKey(x) === e.target.value);
                if (c) setExtra((xs) => [...xs, c]);
              }}
            >
              <option value="">Choose a member or role…</option>
              {addable.map((c) => (
                <option key={raciPartyKey(c)} value={raciPartyKey(c)}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="primary"
            disabled={dirty.length === 0 || save.isPending}
            onClick={() => save.mutate(undefined, { onSuccess: () => setEdits({}) })}
          >
            Save {dirty.length > 0 ? `${dirty.length} changed row${dirty.length > 1 ? "s" : ""}` : "changes"}
          </Button>
          {dirty.length > 0 && (
            <Button variant="ghost" onClick={() => setEdits({})}>
              Discard
            </Button>
          )}
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">RACI matrix: activities by members and roles</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-900">
                Activity
              </th>
              {columns.map((c) => (
                <th
                  key={raciPartyKey(c)}
                  scope="col"
                  className="px-2 py-2 text-center font-semibold text-slate-900"
                >
                  {c.label}
                  {!c.active && <span className="block text-xs font-normal text-slate-600">inactive</span>}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-900">
                Check
              </th>
              {canWrite && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {m.activities.map((a) => (
              <tr key={a.id} className={edits[a.id] ? "bg-blue-50" : undefined}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <div className="font-medium text-slate-900">{a.title}</div>
                  {a.frameworkNode && <div className="text-xs text-slate-600">{a.frameworkNode.label}</div>}
                </th>
                {columns.map((c) => {
                  const key = raciPartyKey(c);
                  return (
                    <td key={key} className="px-2 py-1 text-center">
                      <select
                        aria-label={`${a.title}: ${c.label}`}
                        className="rounded border border-slate-300 px-1 py-0.5"
                        disabled={!canWrite}
                        value={letterOf(a.id, a.assignments, key)}
                        onChange={(e) =>
                          setEdits((ed) => ({
                            ...ed,
                            [a.id]: { ...ed[a.id], [key]: e.target.value as RaciLetter | "" },
                          }))
                        }
                      >
                        <option value="">–</option>
                        {raciLetters.map((l) => (
                          <option key={l} value={l}>
                            {l}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
                <td className="px-3 py-2">
                  {issuesOf(a.id).map((i) => (
                    <Badge key={i.rule} tone={i.severity === "error" ? "red" : "amber"}>
                      {i.rule === "no_accountable"
                        ? "no A"
                        : i.rule === "several_accountable"
                          ? "several A"
                          : "no R"}
                    </Badge>
                  ))}
                </td>
                {canWrite && (
                  <td className="px-2 py-1 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => window.confirm(`Delete "${a.title}"?`) && remove.mutate(a)}
                    >
                      Delete
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600">
        {raciLetters.map((l) => `${l} = ${raciLetterLabels[l]}`).join(" · ")}
      </p>
    </div>
  );
}

/** Clause 5.3 / A.3.2: who is Responsible, Accountable, Consulted and Informed for each AIMS activity. */
export function RaciPage() {
  useDocumentTitle("Responsibilities");
  const { orgId } = route.useParams();
  const query = useRaci(orgId);
  const seed = useContextMutation(orgId, () => raciApi.seed(orgId), true);
  return (
    <>
      <PageHeader
        title="Responsibilities"
        description="The RACI matrix of your AIMS (ISO/IEC 42001 clause 5.3): every activity needs exactly one person or role accountable (A)."
        actions={<ExportLinks href={(format) => raciApi.exportUrl(orgId, format)} />}
      />
      <QueryView query={query} loadingLabel="Loading the matrix…">
        {(m) => (
          <>
            <FormErrorAlert mutation={seed} />
            {m.activities.length > 0 &&
              (m.complete ? (
                <Alert tone="success">Complete: every activity has exactly one A.</Alert>
              ) : (
                <Alert tone="info">
                  {m.issues.filter((i) => i.severity === "error").length} activities need exactly one A. You
                  can save a half-finished matrix; it counts as complete once every row has one A.
                </Alert>
              ))}
            <Section
              title="Matrix"
              actions={
                m.abilities.write && (
                  <Button onClick={() => seed.mutate(undefined)} disabled={seed.isPending}>
                    Add default AIMS activities
                  </Button>
                )
              }
            >
              {m.activities.length === 0 ? (
                <EmptyState title="No activities yet">
                  Add the default AIMS activities, or your own, then assign letters.
                </EmptyState>
              ) : (
                <Grid key={m.activities.map((a) => a.version).join(".")} orgId={orgId} m={m} />
              )}
            </Section>
            {m.abilities.write && (
              <Section title="Add an activity">
                <AddActivity orgId={orgId} />
              </Section>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
