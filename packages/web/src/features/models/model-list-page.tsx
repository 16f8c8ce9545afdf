import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { ShowArchivedToggle } from "../../components/show-archived-toggle";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { useCan } from "../session/use-me";
import { useModelList } from "./queries";

const route = getRouteApi("/orgs/$orgId/models");
const PAGE_SIZE = 25;

export function ModelListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useModelList(orgId, {
    archived: search.archived ? "true" : "false",
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  });
  return (
    <>
      <PageHeader
        title="Models"
        description="The AI models your AI systems are built from: who provides them, what they may be used for, and their model cards."
        actions={
          can("ai_system.update") && (
            <Button
              variant="primary"
              onClick={() => void navigate({ to: "/orgs/$orgId/models/new", params: { orgId } })}
            >
              <Plus className="size-4" aria-hidden="true" />
              Record model
            </Button>
          )
        }
      />
      <ShowArchivedToggle
        label="Show archived models"
        checked={Boolean(search.archived)}
        onChange={(archived) =>
          void navigate({
            to: "/orgs/$orgId/models",
            params: { orgId },
            search: { archived: archived || undefined },
            replace: true,
          })
        }
      />
      <QueryView
        query={list}
        loadingLabel="Loading models…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title={search.archived ? "No archived models" : "No models recorded yet"}>
            {!search.archived && (
              <p>
                Record each model an AI system uses, in-house or from a provider, and link it to its systems.
              </p>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="AI models">
                <TableHead columns={["Model", "Version", "Type", "Provider", "Flags"]} />
                <TableBody className="bg-white">
                  {data.items.map((m) => (
                    <tr key={m.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/models/$modelId"
                          params={{ orgId, modelId: m.id }}
                          className={rowLinkClass}
                        >
                          {m.name}
                        </Link>
                      </Td>
                      <Td>{m.modelVersion || "—"}</Td>
                      <Td>{m.modelType || "—"}</Td>
                      <Td>
                        {m.provider || "—"}
                        <p className="text-xs text-slate-600">
                          {m.providerKind === "in_house" ? "In-house" : "Third party"}
                        </p>
                      </Td>
                      <Td>{m.gpai && <Badge tone="amber">GPAI</Badge>}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Model pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
