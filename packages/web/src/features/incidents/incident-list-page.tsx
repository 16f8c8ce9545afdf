import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { incidentStatuses, incidentStatusLabels } from "@openaims/core";
import { SelectField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { IncidentSeverityBadge, IncidentStatusBadge, NextDeadline } from "./incident-badges";
import { useIncidentList } from "./queries";

const route = getRouteApi("/orgs/$orgId/incidents");

/** The AI incident register (A.8.4) with each incident's next regulatory deadline. */
export function IncidentListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const pages = useCursorPages(JSON.stringify(search));
  const list = useIncidentList(orgId, { status: search.status, limit: 25, cursor: pages.cursor });
  return (
    <>
      <PageHeader
        title="Incidents"
        description="AI incidents (A.8.4) and the EU AI Act reporting deadlines of serious ones (Art. 73), counted in calendar days from the day you became aware."
        actions={
          list.data?.abilities.report && (
            <Link
              to="/orgs/$orgId/incidents/report"
              params={{ orgId }}
              className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
            >
              Report an incident
            </Link>
          )
        }
      />
      <SelectField
        label="Status"
        className="mb-4 w-48"
        value={search.status ?? ""}
        onChange={(e) =>
          void navigate({
            to: "/orgs/$orgId/incidents",
            params: { orgId },
            search: { status: e.target.value || undefined },
            replace: true,
          })
        }
        options={[
          { value: "", label: "Any status" },
          ...incidentStatuses.map((s) => ({ value: s, label: incidentStatusLabels[s] })),
        ]}
      />
      <QueryView
        query={list}
        loadingLabel="Loading incidents…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No incidents" />}
      >
        {(d) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="AI incidents">
                <TableHead
                  columns={["Incident", "Status", "Severity", "Aware since", "Serious", "Next deadline"]}
                />
                <TableBody className="bg-white">
                  {d.items.map((i) => (
                    <tr key={i.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/incidents/$incidentId"
                          params={{ orgId, incidentId: i.id }}
                          className={rowLinkClass}
                        >
                          {i.title}
                        </Link>
                      </Td>
                      <Td>
                        <IncidentStatusBadge status={i.status} />
                      </Td>
                      <Td>
                        <IncidentSeverityBadge severity={i.severity} />
                      </Td>
                      <Td className="whitespace-nowrap">{i.becameAwareOn}</Td>
                      <Td>{i.assessment.outcome.replace("_", " ")}</Td>
                      <Td>
                        <NextDeadline incident={i} />
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Incident pages" pages={pages} page={d} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
