import { taskOriginLabels, taskPriorityLabels } from "@openaims/core";
import type { TaskView } from "../../api/tasks";
import { Badge } from "../../components/badge";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDate } from "../../lib/format";
import { TaskStatusSelect } from "./task-status-select";
import { TaskSubjectLink } from "./task-subject-link";

/** Tasks with their status changeable in place. */
export function TaskTable({ orgId, items, caption }: { orgId: string; items: TaskView[]; caption: string }) {
  return (
    <Table caption={caption}>
      <TableHead columns={["Task", "Status", "Due", "Assignee", "About"]} />
      <TableBody>
        {items.map((t) => (
          <tr key={t.id}>
            <Td className="max-w-md">
              <span className="font-medium">{t.title}</span>
              <span className="mt-1 flex flex-wrap gap-1">
                {t.priority && (
                  <Badge tone={t.priority === "high" ? "amber" : "neutral"}>
                    {taskPriorityLabels[t.priority]} priority
                  </Badge>
                )}
                {t.origin !== "manual" && <Badge tone="blue">{taskOriginLabels[t.origin]}</Badge>}
              </span>
              {t.description && <p className="mt-1 line-clamp-2 text-xs text-slate-600">{t.description}</p>}
            </Td>
            <Td>
              <TaskStatusSelect orgId={orgId} task={t} />
            </Td>
            <Td className="whitespace-nowrap">
              {t.dueDate ? formatDate(`${t.dueDate}T00:00:00`) : "—"}
              {t.overdue && (
                <span className="ml-2">
                  <Badge tone="red">Overdue</Badge>
                </span>
              )}
            </Td>
            <Td>{t.assigneeName ?? <span className="text-slate-500">Unassigned</span>}</Td>
            <Td>
              <TaskSubjectLink orgId={orgId} subject={t.subject} />
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
