import { useState } from "react";
import * as Tabs from "@radix-ui/react-tabs";
import { Tab, TabList } from "../../components/tabs";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Plus, RefreshCw } from "lucide-react";
import { taskStatusFilters, taskStatusLabels, type TaskStatus } from "@openaims/core";
import type { TaskListParams } from "../../api/tasks";
import { Button } from "../../components/button";
import { SelectField } from "../../components/form-controls";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { Alert, EmptyState } from "../../components/states";
import { pluralize } from "../../lib/format";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { CreateTaskDialog } from "./create-task-dialog";
import { useGenerateTasks, useTaskSummary, useTasks } from "./queries";
import { TaskTable } from "./task-table";
import type { TasksTab } from "./tasks-search";

const route = getRouteApi("/orgs/$orgId/tasks");

const statusFilterLabel = (s: (typeof taskStatusFilters)[number]) =>
  s === "active"
    ? "Open or in progress"
    : s === "closed"
      ? "Done or cancelled"
      : taskStatusLabels[s as TaskStatus];

export function TasksPage() {
  const { orgId } = route.useParams();
  const { tab = "mine" } = route.useSearch();
  const navigate = useNavigate();
  useDocumentTitle("Tasks");
  const [status, setStatus] = useState<string>("active");
  const [creating, setCreating] = useState(false);
  const summary = useTaskSummary(orgId);
  const generate = useGenerateTasks(orgId);

  const params: TaskListParams =
    tab === "mine"
      ? { mine: true, status: "active" }
      : tab === "overdue"
        ? { overdue: true }
        : { ...(status ? { status: status as TaskListParams["status"] } : {}) };
  const pages = useCursorPages(JSON.stringify(params));
  const tasks = useTasks(orgId, { ...params, cursor: pages.cursor });
  const abilities = tasks.data?.abilities;
  const s = summary.data;

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Work to do on the management system: made by hand, or opened by OpenAIMS when a document review comes due or the Statement of Applicability has a gap (those close themselves once resolved)."
        actions={
          <>
            {abilities?.generate && (
              <Button onClick={() => generate.mutate()} busy={generate.isPending}>
                <RefreshCw className="size-4" aria-hidden="true" />
                Check for new tasks
              </Button>
            )}
            {abilities?.create && (
              <Button variant="primary" onClick={() => setCreating(true)}>
                <Plus className="size-4" aria-hidden="true" />
                New task
              </Button>
            )}
          </>
        }
      />
      {generate.isSuccess && (
        <div className="mb-4">
          <Alert tone="success">
            {pluralize(generate.data.created, "task")} opened, {generate.data.closed} closed.
          </Alert>
        </div>
      )}
      {generate.isError && (
        <div className="mb-4">
          <Alert tone="error">{generate.error.message}</Alert>
        </div>
      )}
      <Tabs.Root
        value={tab}
        onValueChange={(v) =>
          void navigate({
            to: "/orgs/$orgId/tasks",
            params: { orgId },
            search: v === "mine" ? {} : { tab: v as TasksTab },
            replace: true,
          })
        }
      >
        <TabList aria-label="Task views">
          <Tab value="mine">My tasks{s ? ` (${s.mine})` : ""}</Tab>
          <Tab value="overdue">Overdue{s ? ` (${s.overdue})` : ""}</Tab>
          <Tab value="all">All</Tab>
        </TabList>
        {tab === "all" && (
          <div className="mb-4 max-w-xs">
            <SelectField
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
              options={[
                { value: "", label: "Any status" },
                ...taskStatusFilters.map((f) => ({ value: f, label: statusFilterLabel(f) })),
              ]}
            />
          </div>
        )}
        <QueryView
          query={tasks}
          loadingLabel="Loading tasks…"
          isEmpty={(data) => data.items.length === 0 && !pages.hasPrevious}
          empty={
            <EmptyState
              title={
                tab === "mine"
                  ? "Nothing assigned to you"
                  : tab === "overdue"
                    ? "Nothing overdue"
                    : "No tasks"
              }
            >
              {tab === "mine" ? "Tasks assigned to you that are still open show here." : null}
            </EmptyState>
          }
        >
          {(data) => (
            <RefetchingRegion query={tasks}>
              <TaskTable orgId={orgId} items={data.items} caption="Tasks" />
              <CursorPager label="Task pages" pages={pages} page={data} busy={tasks.isFetching} />
            </RefetchingRegion>
          )}
        </QueryView>
      </Tabs.Root>
      <CreateTaskDialog orgId={orgId} open={creating} onOpenChange={setCreating} />
    </>
  );
}
