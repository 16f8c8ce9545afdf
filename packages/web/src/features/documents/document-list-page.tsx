import { useState } from "react";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { FilePlus2, Plus } from "lucide-react";
import { documentKinds, documentStatusFilters, reviewStatuses } from "@openaims/core";
import type { DocumentSummaryView } from "../../api";
import { Button } from "../../components/button";
import { FilterBar } from "../../components/filter-bar";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useUrlTextFilter } from "../../lib/use-url-text-filter";
import { useCan } from "../session/use-me";
import { kindLabels, ReviewBadge, reviewLabels, StatusBadge, statusLabels } from "./document-labels";
import { NewDocumentDialog } from "./new-document-dialog";
import { TemplateDialog } from "./template-dialog";
import { parseDocumentListSearch, type DocumentListSearch } from "./list-search";
import { useDocumentList } from "./queries";

const route = getRouteApi("/orgs/$orgId/documents");
const PAGE_SIZE = 25;

export function DocumentListPage() {
  useDocumentTitle("Policies & documents");
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const [dialog, setDialog] = useState<"blank" | "template" | null>(null);
  const list = useDocumentList(orgId, { ...search, limit: PAGE_SIZE, cursor: pages.cursor });
  const canCreate = can("document.write");
  const filtered = Boolean(search.q || search.kind || search.status || search.review);

  const createButtons = canCreate && (
    <>
      <Button variant="primary" onClick={() => setDialog("template")}>
        <FilePlus2 className="size-4" aria-hidden="true" />
        New from template
      </Button>
      <Button onClick={() => setDialog("blank")}>
        <Plus className="size-4" aria-hidden="true" />
        New document
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title="Policies & documents"
        description="Documented information of the AI management system: policies, procedures, records and plans, with approvals and review dates."
        actions={createButtons}
      />
      <DocumentFilters orgId={orgId} search={search} />
      <QueryView
        query={list}
        loadingLabel="Loading documents…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          !filtered && !pages.hasPrevious ? (
            <EmptyState title="No documents yet">
              <p>Start with the AI policy: the templates give you a plain-language first draft to adapt.</p>
              {createButtons && <div className="flex justify-center gap-2">{createButtons}</div>}
            </EmptyState>
          ) : (
            <EmptyState title="No documents match these filters" />
          )
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <DocumentTable orgId={orgId} items={data.items} />
            </RefetchingRegion>
            <CursorPager label="Document pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
      <NewDocumentDialog
        orgId={orgId}
        open={dialog === "blank"}
        onOpenChange={(o) => setDialog(o ? "blank" : null)}
      />
      <TemplateDialog
        orgId={orgId}
        open={dialog === "template"}
        onOpenChange={(o) => setDialog(o ? "template" : null)}
      />
    </>
  );
}

function DocumentTable({ orgId, items }: { orgId: string; items: DocumentSummaryView[] }) {
  return (
    <Table caption="Documents">
      <TableHead columns={["Title", "Kind", "Status", "In force", "Review", "Owner"]} />
      <TableBody className="bg-white">
        {items.map((d) => (
          <tr key={d.id} className="hover:bg-slate-50">
            <Td>
              <Link
                to="/orgs/$orgId/documents/$documentId"
                params={{ orgId, documentId: d.id }}
                className={rowLinkClass}
              >
                {d.title}
              </Link>
            </Td>
            <Td>{kindLabels[d.kind]}</Td>
            <Td>
              <StatusBadge status={d.status} />{" "}
              <span className="text-xs text-slate-600">v{d.latestVersion}</span>
            </Td>
            <Td>{d.publishedVersion === null ? "—" : `Version ${d.publishedVersion}`}</Td>
            <Td>{d.reviewStatus ? <ReviewBadge status={d.reviewStatus} date={d.nextReviewAt} /> : "—"}</Td>
            <Td>{d.ownerName ?? "—"}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

const statusFilterLabels: Record<(typeof documentStatusFilters)[number], string> = {
  ...(statusLabels as Record<string, string>),
  in_force: "In force (any version published)",
} as Record<(typeof documentStatusFilters)[number], string>;

function DocumentFilters({ orgId, search }: { orgId: string; search: DocumentListSearch }) {
  const navigate = useNavigate();
  const update = (patch: Partial<Record<keyof DocumentListSearch, string>>) =>
    void navigate({
      to: "/orgs/$orgId/documents",
      params: { orgId },
      search: (prev) => parseDocumentListSearch({ ...prev, ...patch }),
      replace: true,
    });
  const [q, setQ] = useUrlTextFilter(search.q, (text) => update({ q: text }));

  return (
    <FilterBar label="Filter documents">
      <TextField
        label="Search"
        type="search"
        placeholder="Title…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="lg:col-span-2"
      />
      <SelectField
        label="Kind"
        value={search.kind ?? ""}
        onChange={(e) => update({ kind: e.target.value })}
        options={[
          { value: "", label: "All kinds" },
          ...documentKinds.map((k) => ({ value: k, label: kindLabels[k] })),
        ]}
      />
      <SelectField
        label="Status"
        value={search.status ?? ""}
        onChange={(e) => update({ status: e.target.value })}
        options={[
          { value: "", label: "Any status" },
          ...documentStatusFilters.map((s) => ({ value: s, label: statusFilterLabels[s] })),
        ]}
      />
      <SelectField
        label="Review"
        value={search.review ?? ""}
        onChange={(e) => update({ review: e.target.value })}
        options={[
          { value: "", label: "Any review state" },
          ...reviewStatuses.map((r) => ({ value: r, label: reviewLabels[r] })),
        ]}
      />
    </FilterBar>
  );
}
