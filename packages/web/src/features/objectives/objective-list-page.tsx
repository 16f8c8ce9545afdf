import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { objectiveStatuses, objectiveStatusLabels } from "@openaims/core";
import { Button } from "../../components/button";
import { SelectField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan } from "../session/use-me";
import {
  ObjectiveProgressBar,
  ObjectiveStatusBadge,
  formatAmount,
  formatDay,
  targetText,
} from "./objective-status";
import { useObjectiveList } from "./queries";

const route = getRouteApi("/orgs/$orgId/objectives");
const PAGE_SIZE = 25;

export function ObjectiveListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useObjectiveList(orgId, {
    status: search.status,
    archived: search.archived ? "true" : "false",
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  });
  const create = () => void navigate({ to: "/orgs/$orgId/objectives/new", params: { orgId } });
  const canCreate = can("objective.write");
  const setSearch = (next: { status?: string; archived?: boolean }) =>
    void navigate({
      to: "/orgs/$orgId/objectives",
      params: { orgId },
      search: { ...search, ...next },
      replace: true,
    });

  return (
    <>
      <PageHeader
        title="Objectives"
        description="AI objectives (ISO/IEC 42001, 6.2): what you measure, the target, and how you are doing."
        actions={
          canCreate && (
            <Button variant="primary" onClick={create}>
              <Plus className="size-4" aria-hidden="true" />
              Set objective
            </Button>
          )
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <SelectField
          label="Status"
          className="w-48"
          value={search.status ?? ""}
          onChange={(e) => setSearch({ status: e.target.value || undefined })}
          options={[
            { value: "", label: "Any status" },
            ...objectiveStatuses.map((s) => ({ value: s, label: objectiveStatusLabels[s] })),
          ]}
        />
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={Boolean(search.archived)}
            onChange={(e) => setSearch({ archived: e.target.checked || undefined })}
            className="size-4 accent-blue-700"
          />
          Show archived objectives
        </label>
      </div>
      <QueryView
        query={list}
        loadingLabel="Loading objectives…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState
            title={search.status || search.archived ? "No objectives match" : "No objectives set yet"}
          >
            {!search.status && !search.archived && (
              <p>
                Set measurable AI objectives consistent with your AI policy, give each an owner and a due
                date, and record progress as you measure it.
              </p>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="AI objectives">
                <TableHead
                  columns={["Objective", "Status", "Progress", "Latest", "Target", "Due", "Owner"]}
                />
                <TableBody className="bg-white">
                  {data.items.map((o) => (
                    <tr key={o.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/objectives/$objectiveId"
                          params={{ orgId, objectiveId: o.id }}
                          className={rowLinkClass}
                        >
                          {o.title}
                        </Link>
                        <p className="mt-0.5 line-clamp-1 text-xs text-slate-600">{o.measure}</p>
                      </Td>
                      <Td className="whitespace-nowrap">
                        <ObjectiveStatusBadge status={o.status} />
                      </Td>
                      <Td>
                        <ObjectiveProgressBar objective={o} />
                      </Td>
                      <Td className="whitespace-nowrap">{formatAmount(o.latestValue, o.unit)}</Td>
                      <Td className="whitespace-nowrap">{targetText(o)}</Td>
                      <Td className="whitespace-nowrap">{formatDay(o.dueDate)}</Td>
                      <Td>{o.ownerName ?? "—"}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Objective pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
