import { useState } from "react";
import {
  trainingApi,
  type TrainingCoverageView,
  type TrainingRecordView,
  type TrainingTopicView,
} from "../../api";
import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { FilterBar } from "../../components/filter-bar";
import { SelectField } from "../../components/form-controls";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useTrainingMutation, useTrainingRecords } from "./queries";
import { TrainingStatusBadge } from "./training-status-badge";

const statuses = [
  { value: "", label: "Any status" },
  { value: "current", label: "Current" },
  { value: "expiring_soon", label: "Expiring soon" },
  { value: "expired", label: "Expired" },
];

/** The records with filters by member, topic and status; a record entered by mistake can be deleted. */
export function RecordsTab({
  orgId,
  members,
  topics,
}: {
  orgId: string;
  members: TrainingCoverageView["members"];
  topics: TrainingTopicView[];
}) {
  const [userId, setUserId] = useState("");
  const [topicId, setTopicId] = useState("");
  const [status, setStatus] = useState("");
  const pages = useCursorPages(`${userId}|${topicId}|${status}`);
  const params = {
    limit: 50,
    ...(userId && { userId }),
    ...(topicId && { topicId }),
    ...(status && { status }),
    ...(pages.cursor && { cursor: pages.cursor }),
  };
  const list = useTrainingRecords(orgId, params);
  const [deleting, setDeleting] = useState<TrainingRecordView | null>(null);
  const remove = useTrainingMutation(
    orgId,
    (r: TrainingRecordView) => trainingApi.deleteRecord(orgId, r.id, r.version),
    () => setDeleting(null),
  );
  return (
    <>
      <FilterBar label="Filter training records" columns={5}>
        <SelectField
          label="Member"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          options={[
            { value: "", label: "Everyone" },
            ...members.map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        <SelectField
          label="Topic"
          value={topicId}
          onChange={(e) => setTopicId(e.target.value)}
          options={[
            { value: "", label: "Any topic" },
            ...topics.map((t) => ({ value: t.id, label: t.name })),
          ]}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={statuses}
        />
      </FilterBar>
      <QueryView
        query={list}
        loadingLabel="Loading training records…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No training records match" />}
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="Training records">
                <TableHead
                  columns={["Member", "Topic", "Completed", "Valid until", "Status", "Provider"]}
                  actions
                />
                <TableBody className="bg-white">
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <Td>{r.userName}</Td>
                      <Td>{r.topicName}</Td>
                      <Td>{r.completedOn}</Td>
                      <Td>{r.expiresOn ?? "no expiry"}</Td>
                      <Td>
                        <TrainingStatusBadge status={r.status} />
                      </Td>
                      <Td>{r.provider || "—"}</Td>
                      <Td>
                        {r.abilities.delete && (
                          <Button size="sm" onClick={() => setDeleting(r)}>
                            Delete
                          </Button>
                        )}
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager
              label="Training record pages"
              pages={pages}
              page={data}
              busy={list.isPlaceholderData}
            />
          </>
        )}
      </QueryView>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete this training record?"
        confirmLabel="Delete"
        onConfirm={() => deleting && remove.mutate(deleting)}
        busy={remove.isPending}
        error={remove.error}
      >
        {deleting
          ? `${deleting.topicName} for ${deleting.userName}, completed ${deleting.completedOn}. The audit trail keeps a record of the deletion.`
          : ""}
      </ConfirmDialog>
    </>
  );
}
