import { useState } from "react";
import { getRouteApi } from "@tanstack/react-router";
import * as Tabs from "@radix-ui/react-tabs";
import { Plus } from "lucide-react";
import { Button } from "../../components/button";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert } from "../../components/states";
import { Tab, TabList } from "../../components/tabs";
import { useCan } from "../session/use-me";
import { Art4Obligations } from "./art4-obligations";
import { CoverageMatrix, CoverageSummary } from "./coverage-matrix";
import { useTrainingCoverage, useTrainingTopics } from "./queries";
import { AddRecordDialog } from "./record-dialog";
import { RecordsTab } from "./records-tab";
import { TopicDialog } from "./topic-dialog";
import { TopicsTab } from "./topics-tab";

const route = getRouteApi("/orgs/$orgId/training");

/** Competence (ISO/IEC 42001 7.2) and AI literacy (EU AI Act Art. 4): coverage, records and the catalogue. */
export function TrainingPage() {
  useDocumentTitle("Training & AI literacy");
  const { orgId } = route.useParams();
  const can = useCan(orgId);
  const coverage = useTrainingCoverage(orgId);
  const topics = useTrainingTopics(orgId, { limit: 200 });
  const [dialog, setDialog] = useState<"record" | "topic" | null>(null);
  const canRecord = can("training.manage") || can("training.record_own");
  const liveTopics = topics.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Training & AI literacy"
        description="Who is competent for their AI work (ISO/IEC 42001 7.2) and who holds current AI-literacy training (EU AI Act Art. 4 applies to every provider and deployer)."
        actions={
          <>
            {canRecord && (
              <Button
                variant="primary"
                disabled={liveTopics.length === 0 || !coverage.data}
                onClick={() => setDialog("record")}
              >
                <Plus className="size-4" aria-hidden="true" />
                Record training
              </Button>
            )}
            {can("training.manage") && (
              <Button onClick={() => setDialog("topic")}>
                <Plus className="size-4" aria-hidden="true" />
                Add topic
              </Button>
            )}
          </>
        }
      />
      <QueryView query={coverage} loadingLabel="Loading the coverage…">
        {(c) => (
          <>
            {!c.complete && (
              <Alert tone="info">
                You see your own training; your role does not read everyone's records.
              </Alert>
            )}
            <CoverageSummary coverage={c} />
            <Art4Obligations orgId={orgId} coverage={c} />
            <Tabs.Root defaultValue="coverage">
              <TabList aria-label="Training sections">
                <Tab value="coverage">Coverage</Tab>
                <Tab value="records">Records</Tab>
                <Tab value="topics">Topics</Tab>
              </TabList>
              <Tabs.Content value="coverage">
                <CoverageMatrix coverage={c} />
              </Tabs.Content>
              <Tabs.Content value="records">
                <RecordsTab orgId={orgId} members={c.members} topics={liveTopics} />
              </Tabs.Content>
              <Tabs.Content value="topics">
                <TopicsTab orgId={orgId} />
              </Tabs.Content>
            </Tabs.Root>
            {dialog === "record" && (
              <AddRecordDialog
                orgId={orgId}
                members={c.members}
                topics={liveTopics}
                onClose={() => setDialog(null)}
              />
            )}
          </>
        )}
      </QueryView>
      {dialog === "topic" && <TopicDialog orgId={orgId} onClose={() => setDialog(null)} />}
    </>
  );
}
