import { aiSystemFieldNames } from "@openaims/core";
import { DiffList } from "../../components/diff-list";
import { Button } from "../../components/button";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { useMemberDirectory } from "../members/queries";
import { aiSystemValueLabeler, fieldLabelOf } from "./ai-system-fields";
import { useAiSystemHistory } from "./queries";
import { eventTitle } from "../audit-trail/event-labels";

export function AiSystemHistory({ orgId, systemId }: { orgId: string; systemId: string }) {
  const history = useAiSystemHistory(orgId, systemId);
  const members = useMemberDirectory(orgId);
  const nameOf = (id: string) => members.data?.items.find((m) => m.userId === id)?.name;
  const labeler = aiSystemValueLabeler(nameOf);

  if (history.isPending) return <LoadingState label="Loading history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const events = history.data.pages.flatMap((p) => p.items);
  if (events.length === 0) return <EmptyState title="No history yet" />;

  return (
    <div>
      <ol className="space-y-4 border-l-2 border-slate-200 pl-4" aria-label="History">
        {events.map((e) => (
          <li key={e.id}>
            <p className="text-sm text-slate-900">
              <span className="font-semibold">{eventTitle(e.type)}</span>
              <span className="text-slate-700">
                {" "}
                by {e.actorName ?? (e.actorType === "system" ? "the system" : "unknown")} ·{" "}
                <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
              </span>
            </p>
            <DiffList
              payload={e.payload}
              fieldLabel={fieldLabelOf}
              valueLabeler={labeler}
              fieldOrder={aiSystemFieldNames}
            />
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <Button
          size="sm"
          className="mt-4"
          onClick={() => void history.fetchNextPage()}
          busy={history.isFetchingNextPage}
        >
          Load older events
        </Button>
      )}
    </div>
  );
}
