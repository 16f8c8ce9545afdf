import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import * as Tabs from "@radix-ui/react-tabs";
import { Plus } from "lucide-react";
import type { VendorView } from "@openaims/core";
import { vendorsApi } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { PageHeader, Section } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EditArchiveActions } from "../../components/record-actions";
import { Alert, EmptyState, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { Tab, TabList } from "../../components/tabs";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan } from "../session/use-me";
import { useVendor, useVendorArchiveToggle } from "./queries";
import { riskTone, VendorQuestionnaire } from "./vendor-questionnaire";
import { VendorQuestionnaireHistory } from "./vendor-questionnaire-history";
import { ComponentGraph } from "../inventory/component-graph";

const listRoute = getRouteApi("/orgs/$orgId/vendors");
const detailRoute = getRouteApi("/orgs/$orgId/vendors/$vendorId");

export function VendorBreadcrumb({ orgId }: { orgId: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
      <Link to="/orgs/$orgId/vendors" params={{ orgId }} className="underline-offset-2 hover:underline">
        Vendors
      </Link>
    </nav>
  );
}

/** Vendors (A.10): who supplies the organization's AI, on what terms, rated and reviewed. */
export function VendorListPage() {
  const { orgId } = listRoute.useParams();
  const navigate = useNavigate();
  const can = useCan(orgId);
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
        description="Third parties that supply your AI systems, models and data (ISO/IEC 42001 A.10): contracts, responsibilities, risk and due diligence."
        actions={
          can("ai_system.update") && (
            <Button
              variant="primary"
              onClick={() => void navigate({ to: "/orgs/$orgId/vendors/new", params: { orgId } })}
            >
              <Plus className="size-4" aria-hidden="true" />
              Record vendor
            </Button>
          )
        }
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

const partyLabels = { organization: "Our organization", vendor: "The vendor", shared: "Shared" } as const;
const linkRoutes = {
  ai_system: { prefix: "AI system", to: "/orgs/$orgId/ai-systems/$systemId", key: "systemId" },
  ai_model: { prefix: "Model", to: "/orgs/$orgId/models/$modelId", key: "modelId" },
  dataset: { prefix: "Dataset", to: "/orgs/$orgId/datasets/$datasetId", key: "datasetId" },
} as const;

function VendorOverview({ orgId, v }: { orgId: string; v: VendorView }) {
  const rows: [string, string][] = [
    ["Supplies", v.supplies],
    ["Contact", v.contact],
    ["Contract", v.contractReference],
    ["Contract period", [v.contractStart, v.contractEnd].filter(Boolean).join(" – ")],
    ["Next review", v.reviewDate ?? ""],
    ["Obligations to customers (A.10.4)", v.customerObligations],
    ["Notes", v.notes],
  ];
  return (
    <>
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
      <Section title="Responsibilities (A.10.2)">
        {v.responsibilities.length === 0 ? (
          <p className="text-sm text-slate-600">No responsibilities allocated yet.</p>
        ) : (
          <Table caption="Responsibilities">
            <TableHead columns={["Topic", "Who", "Notes"]} />
            <TableBody className="bg-white">
              {v.responsibilities.map((r, i) => (
                <tr key={i}>
                  <Td>{r.topic}</Td>
                  <Td>{partyLabels[r.party]}</Td>
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
            {v.links.map((l) => {
              const r = linkRoutes[l.type as keyof typeof linkRoutes];
              if (!r) return null;
              return (
                <li key={`${l.type}${l.id}`}>
                  <Link
                    to={r.to}
                    params={{ orgId, [r.key]: l.id } as never}
                    className="text-blue-800 hover:underline"
                  >
                    {r.prefix}: {l.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}

export function VendorDetailPage() {
  const { orgId, vendorId } = detailRoute.useParams();
  const navigate = useNavigate();
  const q = useVendor(orgId, vendorId);
  const toggle = useVendorArchiveToggle(orgId);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  return (
    <>
      <VendorBreadcrumb orgId={orgId} />
      <PageHeader
        title={v.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {v.riskRating && <Badge tone={riskTone[v.riskRating]}>Risk: {v.riskRating}</Badge>}
            {v.reviewDue && <Badge tone="amber">Review due</Badge>}
            {v.archivedAt && <Badge tone="amber">Archived</Badge>}
          </span>
        }
        actions={
          <EditArchiveActions
            record={v}
            toggle={toggle}
            onEdit={() =>
              void navigate({ to: "/orgs/$orgId/vendors/$vendorId/edit", params: { orgId, vendorId } })
            }
          />
        }
      />
      {toggle.isError && (
        <div className="mb-4">
          <Alert>{errorMessage(toggle.error)}</Alert>
        </div>
      )}
      <Tabs.Root defaultValue="overview">
        <TabList aria-label="Vendor sections">
          <Tab value="overview">Overview</Tab>
          <Tab value="questionnaire">Due diligence</Tab>
          <Tab value="history">Completed questionnaires</Tab>
        </TabList>
        <Tabs.Content value="overview">
          <VendorOverview orgId={orgId} v={v} />
          <ComponentGraph orgId={orgId} type="vendor" id={vendorId} />
        </Tabs.Content>
        <Tabs.Content value="questionnaire">
          <VendorQuestionnaire orgId={orgId} vendorId={vendorId} />
        </Tabs.Content>
        <Tabs.Content value="history">
          <VendorQuestionnaireHistory orgId={orgId} vendorId={vendorId} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
