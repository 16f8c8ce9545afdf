import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { vendorsApi } from "../../api";
import { Badge } from "../../components/badge";
import { PageHeader, Section } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";

const listRoute = getRouteApi("/orgs/$orgId/vendors");
const detailRoute = getRouteApi("/orgs/$orgId/vendors/$vendorId");
const riskTone = { low: "green", medium: "blue", high: "amber", critical: "red" } as const;

/** Vendors (A.10), read-only in the web for now: they are recorded through the API and `aims vendors create`. */
export function VendorListPage() {
  const { orgId } = listRoute.useParams();
  const pages = useCursorPages("vendors");
  const list = useQuery({
    queryKey: ["orgs", orgId, "vendors", "list", pages.cursor],
    queryFn: ({ signal }) => vendorsApi.list(orgId, { limit: 25, cursor: pages.cursor }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Third parties that supply your AI systems, models and data (ISO/IEC 42001 A.10). Record them with the API or `aims vendors create`."
      />
      <QueryView
        query={list}
        loadingLabel="Loading vendors…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No vendors recorded yet" />}
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="Vendors">
                <TableHead columns={["Vendor", "Supplies", "Risk", "Next review"]} />
                <TableBody className="bg-white">
                  {data.items.map((v) => (
                    <tr key={v.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/vendors/$vendorId"
                          params={{ orgId, vendorId: v.id }}
                          className={rowLinkClass}
                        >
                          {v.name}
                        </Link>
                      </Td>
                      <Td>{v.supplies || "—"}</Td>
                      <Td>
                        {v.riskRating ? <Badge tone={riskTone[v.riskRating]}>{v.riskRating}</Badge> : "—"}
                      </Td>
                      <Td>
                        {v.reviewDate ?? "—"} {v.reviewDue && <Badge tone="amber">Review due</Badge>}
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Vendor pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}

export function VendorDetailPage() {
  const { orgId, vendorId } = detailRoute.useParams();
  const q = useQuery({
    queryKey: ["orgs", orgId, "vendors", "detail", vendorId],
    queryFn: ({ signal }) => vendorsApi.get(orgId, vendorId, signal),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const rows: [string, string][] = [
    ["Supplies", v.supplies],
    ["Contact", v.contact],
    ["Contract", v.contractReference],
    ["Contract period", [v.contractStart, v.contractEnd].filter(Boolean).join(" – ")],
    ["Next review", v.reviewDate ?? ""],
    ["Customer obligations", v.customerObligations],
    ["Notes", v.notes],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link to="/orgs/$orgId/vendors" params={{ orgId }} className="underline-offset-2 hover:underline">
          Vendors
        </Link>
      </nav>
      <PageHeader
        title={v.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {v.riskRating && <Badge tone={riskTone[v.riskRating]}>Risk: {v.riskRating}</Badge>}
            {v.reviewDue && <Badge tone="amber">Review due</Badge>}
            {v.archivedAt && <Badge tone="amber">Archived</Badge>}
          </span>
        }
      />
      <Section title="Details">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([k, val]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd className="whitespace-pre-wrap">{val || "—"}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title="Responsibilities">
        {v.responsibilities.length === 0 ? (
          <p className="text-sm text-slate-600">No responsibilities allocated yet.</p>
        ) : (
          <Table caption="Responsibilities">
            <TableHead columns={["Topic", "Who", "Notes"]} />
            <TableBody className="bg-white">
              {v.responsibilities.map((r, i) => (
                <tr key={i}>
                  <Td>{r.topic}</Td>
                  <Td>{r.party}</Td>
                  <Td>{r.notes || "—"}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title="Supplies (records)">
        {v.links.length === 0 ? (
          <p className="text-sm text-slate-600">Not linked to any AI system, model or dataset.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {v.links.map((l) => (
              <li key={`${l.type}${l.id}`}>
                {l.type === "ai_system" ? (
                  <Link
                    to="/orgs/$orgId/ai-systems/$systemId"
                    params={{ orgId, systemId: l.id }}
                    className="text-blue-800 hover:underline"
                  >
                    AI system: {l.label}
                  </Link>
                ) : l.type === "ai_model" ? (
                  <Link
                    to="/orgs/$orgId/models/$modelId"
                    params={{ orgId, modelId: l.id }}
                    className="text-blue-800 hover:underline"
                  >
                    Model: {l.label}
                  </Link>
                ) : (
                  <Link
                    to="/orgs/$orgId/datasets/$datasetId"
                    params={{ orgId, datasetId: l.id }}
                    className="text-blue-800 hover:underline"
                  >
                    Dataset: {l.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
