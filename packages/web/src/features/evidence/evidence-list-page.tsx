import { useState } from "react";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { FileText, Link2, Plus } from "lucide-react";
import { evidenceFreshnessValues } from "@openaims/core";
import type { EvidenceView } from "../../api";
import { Button } from "../../components/button";
import { FilterBar } from "../../components/filter-bar";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useUrlTextFilter } from "../../lib/use-url-text-filter";
import { AddEvidenceDialog } from "./add-evidence-dialog";
import { linkTypeLabels } from "../../components/link-picker";
import { FreshnessBadge, freshnessLabels } from "./evidence-labels";
import { parseEvidenceListSearch, type EvidenceListSearch } from "./list-search";
import { useEvidenceList } from "./queries";

const route = getRouteApi("/orgs/$orgId/evidence");
const PAGE_SIZE = 25;

export function EvidenceListPage() {
  useDocumentTitle("Evidence");
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const pages = useCursorPages(JSON.stringify(search));
  const [adding, setAdding] = useState(false);
  const list = useEvidenceList(orgId, {
    ...search,
    archived: search.archived ?? "false",
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  });
  const canCreate = list.data?.abilities.create === true;
  const filtered = Object.values(search).some(Boolean);
  const addButton = canCreate && (
    <Button variant="primary" onClick={() => setAdding(true)}>
      <Plus className="size-4" aria-hidden="true" />
      Add evidence
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Evidence"
        description="Files and links that show the management system works, linked to the clauses, controls and AI systems they support."
        actions={addButton}
      />
      <EvidenceFilters orgId={orgId} search={search} />
      <QueryView
        query={list}
        loadingLabel="Loading evidence…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          !filtered && !pages.hasPrevious ? (
            <EmptyState title="No evidence yet">
              <p>
                Upload reports, test results and records, or link to where they live, and connect them to the
                controls they demonstrate.
              </p>
              {addButton && <div className="flex justify-center">{addButton}</div>}
            </EmptyState>
          ) : (
            <EmptyState title="No evidence matches these filters" />
          )
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <EvidenceTable orgId={orgId} items={data.items} />
            </RefetchingRegion>
            <CursorPager label="Evidence pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
      <AddEvidenceDialog orgId={orgId} open={adding} onOpenChange={setAdding} />
    </>
  );
}

function EvidenceTable({ orgId, items }: { orgId: string; items: EvidenceView[] }) {
  return (
    <Table caption="Evidence">
      <TableHead columns={["Title", "Freshness", "Valid until", "Links", "Added"]} />
      <TableBody className="bg-white">
        {items.map((e) => (
          <tr key={e.id} className="hover:bg-slate-50">
            <Td>
              <span className="flex items-start gap-2">
                {e.kind === "file" ? (
                  <FileText className="mt-0.5 size-4 shrink-0 text-slate-500" aria-label="File" />
                ) : (
                  <Link2 className="mt-0.5 size-4 shrink-0 text-slate-500" aria-label="Link" />
                )}
                <Link
                  to="/orgs/$orgId/evidence/$evidenceId"
                  params={{ orgId, evidenceId: e.id }}
                  className={rowLinkClass}
                >
                  {e.title}
                </Link>
                {e.archivedAt && <span className="text-xs text-slate-600">(archived)</span>}
              </span>
            </Td>
            <Td>
              <FreshnessBadge freshness={e.freshness} validUntil={e.validUntil} />
            </Td>
            <Td>{e.validUntil ? formatDate(e.validUntil) : "—"}</Td>
            <Td className="max-w-xs text-xs text-slate-700">
              {e.links.length === 0
                ? "—"
                : e.links
                    .map((l) =>
                      l.type === "framework_node"
                        ? l.label.split(" ")[0]
                        : `${linkTypeLabels[l.type] ?? l.type}: ${l.label}`,
                    )
                    .join(", ")}
            </Td>
            <Td>{formatDate(e.createdAt)}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function EvidenceFilters({ orgId, search }: { orgId: string; search: EvidenceListSearch }) {
  const navigate = useNavigate();
  const update = (patch: Partial<Record<keyof EvidenceListSearch, string>>) =>
    void navigate({
      to: "/orgs/$orgId/evidence",
      params: { orgId },
      search: (prev) => parseEvidenceListSearch({ ...prev, ...patch }),
      replace: true,
    });
  const [q, setQ] = useUrlTextFilter(search.q, (text) => update({ q: text }));
  const [node, setNode] = useUrlTextFilter(
    search.frameworkNode,
    (text) => update({ frameworkNode: text }),
    400,
  );

  return (
    <FilterBar label="Filter evidence">
      <TextField
        label="Search"
        type="search"
        placeholder="Title, file name, URL…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="lg:col-span-2"
      />
      <TextField
        label="Linked to clause or control"
        placeholder="e.g. A.6.2.4"
        value={node}
        onChange={(e) => setNode(e.target.value)}
      />
      <SelectField
        label="Freshness"
        value={search.freshness ?? ""}
        onChange={(e) => update({ freshness: e.target.value })}
        options={[
          { value: "", label: "Any freshness" },
          ...evidenceFreshnessValues.map((f) => ({ value: f, label: freshnessLabels[f] })),
        ]}
      />
      <SelectField
        label="Show"
        value={search.archived ?? ""}
        onChange={(e) => update({ archived: e.target.value })}
        options={[
          { value: "", label: "Live evidence" },
          { value: "true", label: "Archived only" },
          { value: "all", label: "Live and archived" },
        ]}
      />
    </FilterBar>
  );
}
