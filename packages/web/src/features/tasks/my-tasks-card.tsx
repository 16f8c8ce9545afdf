import { Link } from "@tanstack/react-router";
import { Badge } from "../../components/badge";
import { ErrorState } from "../../components/states";
import { formatDate } from "../../lib/format";
import { useTaskSummary, useTasks } from "./queries";
import { TaskSubjectLink } from "./task-subject-link";

/**
 * The caller's open tasks, soonest due first, with counts (for the dashboard). Two small requests: the summary
 * counts and the first five of "my tasks".
 */
export function MyTasksCard({ orgId, limit = 5 }: { orgId: string; limit?: number }) {
  const summary = useTaskSummary(orgId);
  const tasks = useTasks(orgId, { mine: true, status: "active", limit });
  const s = summary.data;
  return (
    <section aria-label="My tasks" className="rounded-lg border border-slate-200 p-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">My tasks</h2>
        <Link to="/orgs/$orgId/tasks" params={{ orgId }} className="text-sm text-blue-800 hover:underline">
          All tasks
        </Link>
      </div>
      {s && (
        <p className="mb-3 text-sm text-slate-700">
          <span className="font-semibold text-slate-900">{s.mine}</span> open for you
          {s.mineOverdue > 0 && (
            <>
              {", "}
              <Link
                to="/orgs/$orgId/tasks"
                params={{ orgId }}
                search={{ tab: "overdue" }}
                className="font-semibold text-red-800 hover:underline"
              >
                {s.mineOverdue} overdue
              </Link>
            </>
          )}
          {" · "}
          {s.overdue} overdue in the organization
        </p>
      )}
      {tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : tasks.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing assigned to you.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {tasks.data.items.map((t) => (
            <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{t.title}</span>
                {t.subject && (
                  <span className="ml-2 text-xs">
                    <TaskSubjectLink orgId={orgId} subject={t.subject} />
                  </span>
                )}
              </span>
              <span className="whitespace-nowrap text-slate-700">
                {t.dueDate ? formatDate(`${t.dueDate}T00:00:00`) : "No due date"}
                {t.overdue && (
                  <span className="ml-2">
                    <Badge tone="red">Overdue</Badge>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
