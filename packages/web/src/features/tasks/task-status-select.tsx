import { taskStatusLabels, taskTransitions, type TaskStatus } from "@openaims/core";
import type { TaskView } from "../../api/tasks";
import { controlClass } from "../../components/form-controls";
import { useSetTaskStatus } from "./queries";

/**
 * The status of a task as a select holding the moves the status machine allows and the caller's abilities
 * permit; read-only text when there is none. Errors (a stale version) show under it.
 */
export function TaskStatusSelect({ orgId, task }: { orgId: string; task: TaskView }) {
  const setStatus = useSetTaskStatus(orgId);
  const next = taskTransitions[task.status].filter((s) =>
    s === "cancelled" ? task.abilities.cancel : task.abilities.changeStatus,
  );
  if (next.length === 0) return <span>{taskStatusLabels[task.status]}</span>;
  return (
    <div className="min-w-36">
      <select
        aria-label={`Status of ${task.title}`}
        className={controlClass(setStatus.isError)}
        value={task.status}
        disabled={setStatus.isPending}
        onChange={(e) => setStatus.mutate({ task, status: e.target.value as TaskStatus })}
      >
        {[task.status, ...next].map((s) => (
          <option key={s} value={s}>
            {s === "open" && task.status !== "open" && task.status !== "in_progress"
              ? "Reopen"
              : taskStatusLabels[s]}
          </option>
        ))}
      </select>
      {setStatus.isError && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {setStatus.error.message}
        </p>
      )}
    </div>
  );
}
