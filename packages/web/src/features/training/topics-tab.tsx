import { useState } from "react";
import { builtinRoleLabels, isBuiltinRole, trainingKindLabels } from "@openaims/core";
import { trainingApi, type TrainingTopicView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { QueryView } from "../../components/query-view";
import { ShowArchivedToggle } from "../../components/show-archived-toggle";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useTrainingMutation, useTrainingTopics } from "./queries";
import { TopicDialog } from "./topic-dialog";

const roleLabel = (r: string) => (isBuiltinRole(r) ? builtinRoleLabels[r] : r);

function requiredOf(t: TrainingTopicView): string {
  if (!t.required) return "Optional";
  const parts = [...t.roles.map(roleLabel), ...t.aiSystems.map((s) => `owners of ${s.label}`)];
  return parts.length === 0 ? "Everyone" : parts.join(", ");
}

/** The catalogue: kind, validity, whom it is required of; managers edit, archive and restore topics. */
export function TopicsTab({ orgId }: { orgId: string }) {
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<TrainingTopicView | null>(null);
  const list = useTrainingTopics(orgId, { limit: 200, archived: showArchived ? "all" : "false" });
  const toggle = useTrainingMutation(orgId, (t: TrainingTopicView) =>
    t.archivedAt
      ? trainingApi.restoreTopic(orgId, t.id, t.version)
      : trainingApi.archiveTopic(orgId, t.id, t.version),
  );
  return (
    <>
      <ShowArchivedToggle checked={showArchived} onChange={setShowArchived} label="Show archived topics" />
      <QueryView
        query={list}
        loadingLabel="Loading training topics…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No training topics yet" />}
      >
        {(data) => (
          <Table caption="Training topics">
            <TableHead columns={["Topic", "Kind", "Valid for", "Required of"]} actions />
            <TableBody className="bg-white">
              {data.items.map((t) => (
                <tr key={t.id}>
                  <Td>
                    <div className="font-medium text-slate-900">
                      {t.name} {t.archivedAt && <Badge>Archived</Badge>}
                    </div>
                    {t.description && <div className="text-xs text-slate-600">{t.description}</div>}
                  </Td>
                  <Td>
                    {trainingKindLabels[t.kind]} {t.aiLiteracy && <Badge tone="blue">Art. 4</Badge>}
                  </Td>
                  <Td>{t.validityMonths === null ? "No expiry" : `${t.validityMonths} months`}</Td>
                  <Td>{requiredOf(t)}</Td>
                  <Td>
                    <div className="flex gap-2">
                      {t.abilities.update && !t.archivedAt && (
                        <Button size="sm" onClick={() => setEditing(t)}>
                          Edit
                        </Button>
                      )}
                      {(t.archivedAt ? t.abilities.restore : t.abilities.archive) && (
                        <Button
                          size="sm"
                          busy={toggle.isPending && toggle.variables?.id === t.id}
                          onClick={() => toggle.mutate(t)}
                        >
                          {t.archivedAt ? "Restore" : "Archive"}
                        </Button>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryView>
      {editing && <TopicDialog orgId={orgId} topic={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
