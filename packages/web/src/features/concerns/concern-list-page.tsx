import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { concernCategoryLabels, concernStatuses, concernStatusLabels } from "@openaims/core";
import { SelectField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { Alert, EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan } from "../session/use-me";
import { ConcernStatusBadge } from "./concern-status";
import { useConcernList } from "./queries";

const route = getRouteApi("/orgs/$orgId/concerns");

/** The confidential register of reported concerns, for owners and governance leads. */
export function ConcernListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useConcernList(orgId, { status: search.status, limit: 25, cursor: pages.cursor });
  if (!can("concern.manage"))
    return (
      <>
        <PageHeader title="Concerns" />
        <Alert tone="info">
          Reported concerns are confidential to owners and governance leads.{" "}
          <Link to="/orgs/$orgId/concerns/report" params={{ orgId }} className="font-medium underline">
            Report a concern or follow your own
          </Link>
          .
        </Alert>
      </>
    );
  return (
    <>
      <PageHeader
        title="Concerns"
        description="Concerns reported by members (A.3.3). Confidential: only owners and governance leads see this list."
      />
      <SelectField
        label="Status"
        className="mb-4 w-48"
        value={search.status ?? ""}
        onChange={(e) =>
          void navigate({
            to: "/orgs/$orgId/concerns",
            params: { orgId },
            search: { status: e.target.value || undefined },
            replace: true,
          })
        }
        options={[
          { value: "", label: "Any status" },
          ...concernStatuses.map((s) => ({ value: s, label: concernStatusLabels[s] })),
        ]}
      />
      <QueryView
        query={list}
        loadingLabel="Loading concerns…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No concerns" />}
      >
        {(d) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="Reported concerns">
                <TableHead
                  columns={["Subject", "Status", "Category", "AI system", "Reported by", "Received"]}
                />
                <TableBody className="bg-white">
                  {d.items.map((c) => (
                    <tr key={c.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/concerns/$concernId"
                          params={{ orgId, concernId: c.id }}
                          className={rowLinkClass}
                        >
                          {c.subject}
                        </Link>
                      </Td>
                      <Td>
                        <ConcernStatusBadge status={c.status} />
                      </Td>
                      <Td>{concernCategoryLabels[c.category]}</Td>
                      <Td>{c.aiSystemName ?? "—"}</Td>
                      <Td>{c.anonymous ? <em>Anonymous</em> : (c.reporterName ?? "—")}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(c.createdAt)}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Concern pages" pages={pages} page={d} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
