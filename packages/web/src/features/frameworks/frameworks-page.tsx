import { useState } from "react";
import { PageHeader, Section, useDocumentTitle } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { NodeList } from "./framework-node-tree";
import { useFramework, useFrameworks } from "./queries";

/** Read-only browser for the shipped framework catalogues: the outline with our guidance per node. */
export function FrameworksPage() {
  useDocumentTitle("Frameworks");
  const list = useFrameworks();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const frameworkId = chosen ?? list.data?.items[0]?.id;
  const detail = useFramework(frameworkId);

  if (list.isPending) return <LoadingState label="Loading frameworks…" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState title="No framework catalogues are installed." />;

  const clauses = detail.data?.nodes.filter((n) => !n.id.startsWith("A.")) ?? [];
  const annexA = detail.data?.nodes.filter((n) => n.id.startsWith("A.")) ?? [];

  return (
    <>
      <PageHeader
        title="Frameworks"
        description="Identifiers and short titles of each framework, with guidance written by OpenAIMS contributors. Open a requirement or control to see its intent, typical evidence and audit questions."
        actions={
          list.data.items.length > 1 && (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              Framework
              <select
                className="rounded-md border border-slate-300 px-2 py-1"
                value={frameworkId}
                onChange={(e) => setChosen(e.target.value)}
              >
                {list.data.items.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}:{f.version}
                  </option>
                ))}
              </select>
            </label>
          )
        }
      />
      {detail.isPending && <LoadingState label="Loading the catalogue…" />}
      {detail.isError && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <>
          <p className="mb-6 text-sm text-slate-700">
            <span className="font-semibold text-slate-900">
              {detail.data.name}:{detail.data.version}
            </span>{" "}
            — {detail.data.counts.requirement} requirements, {detail.data.counts.control} controls.{" "}
            {detail.data.copyrightNote}
          </p>
          <Section title={annexA.length > 0 ? "Clauses" : "Outline"}>
            <div className="-ml-4">
              <NodeList nodes={clauses} />
            </div>
          </Section>
          {annexA.length > 0 && (
            <Section title="Annex A — controls">
              <div className="-ml-4">
                <NodeList nodes={annexA} />
              </div>
            </Section>
          )}
        </>
      )}
    </>
  );
}
