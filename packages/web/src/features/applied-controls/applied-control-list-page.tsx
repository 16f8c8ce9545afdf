import { useState } from "react";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { appliedControlCategories, implementationStatusLabels, parseFrameworkNodeRef } from "@openaims/core";
import { appliedControlsApi } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { Pager } from "../../components/pager";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useAppliedControls, useSoaMutation } from "../soa/queries";
import { categoryLabel } from "../soa/soa-labels";
import { AppliedControlForm, type AppliedControlValues } from "./applied-control-form";

const route = getRouteApi("/orgs/$orgId/applied-controls");

/** The organization's own controls; each can implement several framework controls and requirements. */
export function AppliedControlListPage() {
  useDocumentTitle("Applied controls");
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [archived, setArchived] = useState<"false" | "true">("false");
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const params = {
    q: q || undefined,
    category: category || undefined,
    archived,
    limit: 50,
    cursor: cursors.at(-1),
  };
  const list = useAppliedControls(orgId, params);
  const create = useSoaMutation(orgId, (v: AppliedControlValues) => appliedControlsApi.create(orgId, v));
  return (
    <>
      <PageHeader
        title="Applied controls"
        description="What your organization actually does to meet Annex A controls and other requirements. One applied control can implement many of them."
        actions={
          list.data?.abilities.create && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New applied control
            </Button>
          )
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <TextField label="Search" value={q} onChange={(e) => (setQ(e.target.value), setCursors([]))} />
        <SelectField
          label="Category"
          value={category}
          onChange={(e) => (setCategory(e.target.value), setCursors([]))}
          options={[
            { value: "", label: "All" },
            ...appliedControlCategories.map((c) => ({ value: c, label: categoryLabel(c) })),
          ]}
        />
        <SelectField
          label="Show"
          value={archived}
          onChange={(e) => (setArchived(e.target.value as "false" | "true"), setCursors([]))}
          options={[
            { value: "false", label: "Live" },
            { value: "true", label: "Archived" },
          ]}
        />
      </div>
      <QueryView
        query={list}
        loadingLabel="Loading applied controls…"
        isEmpty={(p) => p.items.length === 0}
        empty={
          <EmptyState title="No applied controls">Create one to record what you do for a control.</EmptyState>
        }
      >
        {(page) => (
          <>
            <Table caption="Applied controls">
              <TableHead columns={["Name", "Category", "Status", "Owner", "Implements"]} />
              <TableBody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <Link
                        to="/orgs/$orgId/applied-controls/$controlId"
                        params={{ orgId, controlId: c.id }}
                        className="font-medium text-blue-800 underline"
                      >
                        {c.name}
                      </Link>{" "}
                      {c.additional && <Badge tone="blue">Additional</Badge>}
                    </Td>
                    <Td>{categoryLabel(c.category)}</Td>
                    <Td>{implementationStatusLabels[c.status]}</Td>
                    <Td>{c.ownerName ?? "—"}</Td>
                    <Td>
                      {c.links
                        .filter((l) => l.type === "framework_node")
                        .map((l) => parseFrameworkNodeRef(l.id).nodeId)
                        .join(", ")}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
            <Pager
              label="Applied control pages"
              pageNumber={cursors.length + 1}
              hasPrevious={cursors.length > 0}
              nextCursor={page.nextCursor}
              onPrevious={() => setCursors((c) => c.slice(0, -1))}
              onNext={(next) => setCursors((c) => [...c, next])}
              total={page.total}
            />
          </>
        )}
      </QueryView>
      <Dialog open={creating} onOpenChange={setCreating} title="New applied control" wide>
        <AppliedControlForm
          orgId={orgId}
          mutation={create}
          submitLabel="Create"
          onCancel={() => setCreating(false)}
          onSubmit={(v) =>
            create.mutate(v, {
              onSuccess: (c) => {
                setCreating(false);
                void navigate({
                  to: "/orgs/$orgId/applied-controls/$controlId",
                  params: { orgId, controlId: c.id },
                });
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
