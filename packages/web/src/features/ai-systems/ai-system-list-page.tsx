import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan } from "../session/use-me";
import { AiSystemFilters } from "./ai-system-filters";
import { AiSystemTable } from "./ai-system-table";
import { useAiSystemList } from "./queries";

const route = getRouteApi("/orgs/$orgId/ai-systems");
const PAGE_SIZE = 25;

export function AiSystemListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useAiSystemList(orgId, {
    q: search.q,
    lifecycleStage: search.lifecycleStage,
    aiType: search.aiType,
    archived: search.archived ?? "false",
    sort: search.sort ?? "name",
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  });

  const register = () => void navigate({ to: "/orgs/$orgId/ai-systems/new", params: { orgId } });
  const filtered = Boolean(
    search.q || search.lifecycleStage || search.aiType || (search.archived ?? "false") !== "false",
  );
  const emptyRegister =
    list.data?.total === 0 && list.data.items.length === 0 && !filtered && !pages.hasPrevious;
  const canCreate = can("ai_system.create");

  return (
    <>
      <PageHeader
        title="AI systems"
        description="The inventory of AI systems your organization develops, provides or uses."
        actions={
          canCreate &&
          !emptyRegister && (
            <Button variant="primary" onClick={register}>
              <Plus className="size-4" aria-hidden="true" />
              Register AI system
            </Button>
          )
        }
      />
      <AiSystemFilters orgId={orgId} search={search} />
      <QueryView
        query={list}
        loadingLabel="Loading AI systems…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          emptyRegister ? (
            <EmptyState title="No AI systems registered yet">
              <p>
                Start the inventory by registering the first system your organization develops, provides or
                uses.
              </p>
              {canCreate && (
                <Button variant="primary" onClick={register}>
                  <Plus className="size-4" aria-hidden="true" />
                  Register AI system
                </Button>
              )}
            </EmptyState>
          ) : (
            <EmptyState title="No AI systems match these filters" />
          )
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <AiSystemTable orgId={orgId} items={data.items} />
            </RefetchingRegion>
            <CursorPager label="AI systems pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
