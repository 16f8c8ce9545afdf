import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { aiSystemFieldNames } from "@openaims/core";
import { auditEventsApi, type AuditEventView } from "../../api";
import { DiffList } from "../../components/diff-list";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { aiSystemValueLabeler, fieldLabelOf } from "../ai-systems/ai-system-fields";
import { useMemberDirectory } from "../members/queries";
import { AuditFilters, emptyAuditFilters, localToIso, type AuditFilterValues } from "./audit-filters";
import { entityLabel, eventLabel } from "./event-labels";
import { VerifyChain } from "./verify-chain";

const route = getRouteApi("/orgs/$orgId/settings/audit-trail");

export function AuditTrailPage() {
  const { orgId } = route.useParams();
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const params = {
    entityType: filters.entityType || undefined,
    type: filters.type || undefined,
    actorId: filters.actorId || undefined,
    from: localToIso(filters.from),
    to: localToIso(filters.to),
  };
  const pages = useCursorPages(JSON.stringify(params));
  const events = useQuery({
    queryKey: ["orgs", orgId, "audit-events", params, pages.cursor ?? ""],
    queryFn: ({ signal }) =>
      auditEventsApi.list(orgId, { ...params, limit: 50, cursor: pages.cursor }, signal),
    placeholderData: keepPreviousData,
  });
  const members = useMemberDirectory(orgId);
  const nameOf = (id: string) => members.data?.items.find((m) => m.userId === id)?.name;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in this organization, newest first. Entries are append-only and hash-chained."
      />
      <VerifyChain orgId={orgId} />
      <AuditFilters values={filters} onChange={setFilters} members={members.data?.items ?? []} />
      <QueryView
        query={events}
        loadingLabel="Loading audit events…"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title="No audit events match these filters" />}
      >
        {(data) => (
          <>
            <RefetchingRegion query={events}>
              <Table caption="Audit events">
                <TableHead columns={["#", "Time", "Event", "Entity", "Actor", "Changes"]} />
                <TableBody>
                  {data.items.map((e) => (
                    <tr key={e.id}>
                      <Td className="font-mono text-xs">{e.seq}</Td>
                      <Td className="whitespace-nowrap">
                        <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                      </Td>
                      <Td>
                        {eventLabel(e.type)}
                        <span className="block font-mono text-xs text-slate-600">{e.type}</span>
                      </Td>
                      <Td>
                        <EntityCell orgId={orgId} event={e} />
                      </Td>
                      <Td>{e.actorName ?? (e.actorType === "system" ? "System" : e.actorType)}</Td>
                      <Td className="max-w-md">
                        <DiffList
                          payload={e.payload}
                          fieldLabel={e.entityType === "ai_system" ? fieldLabelOf : undefined}
                          valueLabeler={
                            e.entityType === "ai_system" ? aiSystemValueLabeler(nameOf) : undefined
                          }
                          fieldOrder={e.entityType === "ai_system" ? aiSystemFieldNames : undefined}
                        />
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager
              label="Audit trail pages"
              pages={pages}
              page={data}
              busy={events.isPlaceholderData}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

function EntityCell({ orgId, event: e }: { orgId: string; event: AuditEventView }) {
  const name = (e.payload as { name?: unknown } | null)?.name;
  const label = typeof name === "string" ? name : `${e.entityId.slice(0, 8)}…`;
  return (
    <>
      <span className="block text-xs text-slate-600">{entityLabel(e.entityType)}</span>
      {e.entityType === "ai_system" ? (
        <Link
          to="/orgs/$orgId/ai-systems/$systemId"
          params={{ orgId, systemId: e.entityId }}
          className="text-blue-800 underline"
        >
          {label}
        </Link>
      ) : (
        <span title={e.entityId}>{label}</span>
      )}
    </>
  );
}
