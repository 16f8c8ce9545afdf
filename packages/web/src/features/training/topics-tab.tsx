import { builtinRoleLabels, isBuiltinRole, trainingKindLabels } from "@openaims/core";
import { trainingApi, type TrainingTopicView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useTrainingMutation } from "./queries";

const roleLabel = (r: string) => (isBuiltinRole(r) ? builtinRoleLabels[r] : r);

function requiredOf(t: TrainingTopicView): string {
  if (!t.required) return "Optional";
  const parts = [...t.roles.map(roleLabel), ...t.aiSystems.map((s) => `owners of ${s.label}`)];
  return parts.length === 0 ? "Everyone" : parts.join(", ");
}

/** The catalogue: kind, validity, whom it is required of; managers archive a topic that is no longer taught. */
export function TopicsTab({ orgId, topics }: { orgId: string; topics: TrainingTopicView[] }) {
  const archive = useTrainingMutation(orgId, (t: TrainingTopicView) =>
    trainingApi.archiveTopic(orgId, t.id, t.version),
  );
  if (topics.length === 0) return <EmptyState title="No training topics yet" />;
  return (
    <Table caption="Training topics">
      <TableHead columns={["Topic", "Kind", "Valid for", "Required of"]} actions />
      <TableBody className="bg-white">
        {topics.map((t) => (
          <tr key={t.id}>
            <Td>
              <div className="font-medium text-slate-900">{t.name}</div>
              {t.description && <div className="text-xs text-slate-600">{t.description}</div>}
            </Td>
            <Td>
              {trainingKindLabels[t.kind]} {t.aiLiteracy && <Badge tone="blue">Art. 4</Badge>}
            </Td>
            <Td>{t.validityMonths === null ? "No expiry" : `${t.validityMonths} months`}</Td>
            <Td>{requiredOf(t)}</Td>
            <Td>
              {t.abilities.archive && (
                <Button
                  size="sm"
                  busy={archive.isPending && archive.variables?.id === t.id}
                  onClick={() => archive.mutate(t)}
                >
                  Archive
                </Button>
              )}
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
