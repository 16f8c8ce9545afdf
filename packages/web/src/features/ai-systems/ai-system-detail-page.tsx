import * as Tabs from "@radix-ui/react-tabs";
import { Tab, TabList } from "../../components/tabs";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Pencil } from "lucide-react";
import { Badge } from "../../components/badge";
import { ArchiveToggleButton } from "../../components/archive-toggle-button";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { lifecycleLabel } from "./ai-system-fields";
import { AiSystemHistory } from "./ai-system-history";
import { Breadcrumb } from "./ai-system-new-page";
import { AiSystemMeasurements } from "./ai-system-measurements";
import { AiSystemOverview } from "./ai-system-overview";
import { SystemComponents } from "../models/system-components";
import { ComponentGraph } from "../inventory/component-graph";
import { SystemClassificationTab } from "../eu-ai-act/system-classification-tab";
import { SystemImpactAssessmentsTab } from "../impact-assessments/system-impact-assessments-tab";
import { useAiSystem, useArchiveToggle } from "./queries";

const route = getRouteApi("/orgs/$orgId/ai-systems/$systemId");

export function AiSystemDetailPage() {
  const { orgId, systemId } = route.useParams();
  const { tab = "overview" } = route.useSearch();
  const navigate = useNavigate();
  const query = useAiSystem(orgId, systemId);
  const toggle = useArchiveToggle(orgId);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const system = query.data;
  const archived = Boolean(system.archivedAt);

  const actions = (
    <>
      {!archived && system.abilities.update && (
        <Button
          onClick={() =>
            void navigate({ to: "/orgs/$orgId/ai-systems/$systemId/edit", params: { orgId, systemId } })
          }
        >
          <Pencil className="size-4" aria-hidden="true" />
          Edit
        </Button>
      )}
      <ArchiveToggleButton record={system} toggle={toggle} />
    </>
  );

  return (
    <>
      <Breadcrumb orgId={orgId} />
      <PageHeader
        title={system.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{lifecycleLabel(system.lifecycleStage)}</Badge>
            {archived && <Badge tone="amber">Archived</Badge>}
          </span>
        }
        actions={actions}
      />
      {toggle.isError && (
        <div className="mb-4">
          <Alert>
            {errorMessage(toggle.error)}{" "}
            <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
              Reload
            </button>
          </Alert>
        </div>
      )}
      <Tabs.Root
        value={tab}
        onValueChange={(v) =>
          void navigate({
            to: "/orgs/$orgId/ai-systems/$systemId",
            params: { orgId, systemId },
            search:
              v === "history" || v === "measurements" || v === "classification" || v === "impact"
                ? { tab: v }
                : {},
            replace: true,
          })
        }
      >
        <TabList aria-label="AI system sections">
          <Tab value="overview">Overview</Tab>
          <Tab value="classification">Classification</Tab>
          <Tab value="impact">Impact assessments</Tab>
          <Tab value="measurements">Measurements</Tab>
          <Tab value="history">History</Tab>
        </TabList>
        <Tabs.Content value="overview">
          <AiSystemOverview system={system} />
          <SystemComponents orgId={orgId} systemId={systemId} />
          <ComponentGraph orgId={orgId} type="ai_system" id={systemId} />
        </Tabs.Content>
        <Tabs.Content value="classification">
          <SystemClassificationTab orgId={orgId} systemId={systemId} />
        </Tabs.Content>
        <Tabs.Content value="impact">
          <SystemImpactAssessmentsTab orgId={orgId} systemId={systemId} />
        </Tabs.Content>
        <Tabs.Content value="measurements">
          <AiSystemMeasurements orgId={orgId} systemId={systemId} />
        </Tabs.Content>
        <Tabs.Content value="history">
          <AiSystemHistory orgId={orgId} systemId={systemId} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
