import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { aiSystemFieldNames } from "@openaims/core";
import { auditEventsApi, type AuditEventView } from "../../api";
import { DiffList } from "../../components/diff-list";
import { PageHeader } from "../../components/page-header";
import { Pager } from "../../components/pager";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Table, Td, Th } from "../../components/table";
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
      {events.isPending ? (
        <LoadingState label="Loading audit events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="No audit events match these filters" />
      ) : (
        <>
          <div className={events.isPlaceholderData ? "opacity-60" : undefined} aria-busy={events.isFetching}>
            <Table caption="Audit events">
              <thead>
                <tr>
                  <Th>#</Th>
                  <Th>Time</Th>
                  <Th>Event</Th>
                  <Th>Entity</Th>
                  <Th>Actor</Th>
                  <Th>Changes</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {events.data.items.map((e) => (
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
                        valueLabeler={e.entityType === "ai_system" ? aiSystemValueLabeler(nameOf) : undefined}
                        fieldOrder={e.entityType === "ai_system" ? aiSystemFieldNames : undefined}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <Pager
            label="Audit trail pages"
            pageNumber={pages.pageNumber}
            hasPrevious={pages.hasPrevious}
            nextCursor={events.data.nextCursor}
            onPrevious={pages.previous}
            onNext={pages.next}
            total={events.data.total}
            busy={events.isPlaceholderData}
          />
        </>
      )}
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
