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
import { useDatasetList } from "./queries";

const route = getRouteApi("/orgs/$orgId/datasets");
const PAGE_SIZE = 25;

export function DatasetListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const can = useCan(orgId);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useDatasetList(orgId, {
    archived: search.archived ? "true" : "false",
    limit: PAGE_SIZE,
    cursor: pages.cursor,
  });
  return (
    <>
      <PageHeader
        title="Datasets"
        description="The data your AI systems and models are trained, evaluated and run on (ISO/IEC 42001 A.7): where it comes from, on what terms, and what it contains."
        actions={
          can("ai_system.update") && (
            <Button
              variant="primary"
              onClick={() => void navigate({ to: "/orgs/$orgId/datasets/new", params: { orgId } })}
            >
              <Plus className="size-4" aria-hidden="true" />
              Record dataset
            </Button>
          )
        }
      />
      <ShowArchivedToggle
        label="Show archived datasets"
        checked={Boolean(search.archived)}
        onChange={(archived) =>
          void navigate({
            to: "/orgs/$orgId/datasets",
            params: { orgId },
            search: { archived: archived || undefined },
            replace: true,
          })
        }
      />
      <QueryView
        query={list}
        loadingLabel="Loading datasets…"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title={search.archived ? "No archived datasets" : "No datasets recorded yet"}>
            {!search.archived && (
              <p>
                Record each dataset with its provenance and link it to the systems and models that use it.
              </p>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="Datasets">
                <TableHead columns={["Dataset", "Source", "Licence", "Personal data"]} />
                <TableBody className="bg-white">
                  {data.items.map((m) => (
                    <tr key={m.id} className="hover:bg-slate-50">
                      <Td>
                        <Link
                          to="/orgs/$orgId/datasets/$datasetId"
                          params={{ orgId, datasetId: m.id }}
                          className={rowLinkClass}
                        >
                          {m.name}
                        </Link>
                      </Td>
                      <Td>{m.source || "—"}</Td>
                      <Td>{m.licence || "—"}</Td>
                      <Td>
                        {m.specialCategories ? (
                          <Badge tone="amber">Special categories</Badge>
                        ) : m.personalData ? (
                          <Badge>Personal data</Badge>
                        ) : (
                          "—"
                        )}
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager label="Dataset pages" pages={pages} page={data} busy={list.isPlaceholderData} />
          </>
        )}
      </QueryView>
    </>
  );
}
