import * as Tabs from "@radix-ui/react-tabs";
import { Tab, TabList } from "../../components/tabs";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { soaApi } from "../../api";
import { ExportLinks } from "../../components/export-links";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useSoa } from "./queries";
import { SoaControlsTab } from "./soa-controls-tab";
import { VersionStatusBadge } from "./soa-labels";
import { SoaVersionsTab } from "./soa-versions-tab";

const route = getRouteApi("/orgs/$orgId/soa");
/** Clause 6.1.3: per Annex A control (and additional control) applicable or not, why, status, owner, evidence. */
export function SoaPage() {
  useDocumentTitle("Statement of Applicability");
  const { orgId } = route.useParams();
  const { tab = "controls" } = route.useSearch();
  const navigate = useNavigate();
  const soa = useSoa(orgId);
  return (
    <>
      <PageHeader
        title="Statement of Applicability"
        description="For every Annex A control of ISO/IEC 42001 and your additional controls: does it apply, why, how far it is implemented, who owns it, and the evidence (clause 6.1.3)."
        actions={<ExportLinks href={(format) => soaApi.exportUrl(orgId, format)} />}
      />
      <QueryView query={soa} loadingLabel="Loading the SoA…">
        {(data) => (
          <>
            <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <span>
                {data.approvedVersion ? (
                  <>
                    Approved version in force: <strong>{data.approvedVersion.number}</strong>.
                  </>
                ) : (
                  "No approved version yet."
                )}
              </span>
              {data.latestVersion && data.latestVersion.status === "in_review" && (
                <span className="flex items-center gap-1">
                  Version {data.latestVersion.number} <VersionStatusBadge status="in_review" />
                </span>
              )}
            </p>
            <Tabs.Root
              value={tab}
              onValueChange={(v) =>
                void navigate({
                  to: "/orgs/$orgId/soa",
                  params: { orgId },
                  search: { tab: v as "controls" | "versions" },
                  replace: true,
                })
              }
            >
              <TabList aria-label="SoA sections">
                <Tab value="controls">Controls</Tab>
                <Tab value="versions">Versions</Tab>
              </TabList>
              <Tabs.Content value="controls">
                <SoaControlsTab orgId={orgId} soa={data} />
              </Tabs.Content>
              <Tabs.Content value="versions">
                <SoaVersionsTab orgId={orgId} soa={data} />
              </Tabs.Content>
            </Tabs.Root>
          </>
        )}
      </QueryView>
    </>
  );
}
