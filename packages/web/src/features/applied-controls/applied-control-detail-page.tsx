import { useState } from "react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { implementationStatusLabels, parseFrameworkNodeRef } from "@openaims/core";
import { appliedControlsApi, type AppliedControlView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { PageHeader, Section, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { FormErrorAlert } from "../../components/states";
import { useAppliedControl, useSoaMutation } from "../soa/queries";
import { categoryLabel } from "../soa/soa-labels";
import { AppliedControlForm } from "./applied-control-form";

const route = getRouteApi("/orgs/$orgId/applied-controls/$controlId");

function Details({ orgId, c }: { orgId: string; c: AppliedControlView }) {
  const [editing, setEditing] = useState(false);
  const update = useSoaMutation(orgId, (v: Parameters<typeof appliedControlsApi.update>[2]) =>
    appliedControlsApi.update(orgId, c.id, v),
  );
  const archive = useSoaMutation(orgId, () =>
    appliedControlsApi.setArchived(orgId, c.id, !c.archivedAt, c.version),
  );
  const canEdit = c.abilities.update && !c.archivedAt;
  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <span className="flex flex-wrap gap-2">
            <Badge>{categoryLabel(c.category)}</Badge>
            <Badge tone={c.status === "implemented" ? "green" : "amber"}>
              {implementationStatusLabels[c.status]}
            </Badge>
            {c.additional && <Badge tone="blue">Additional control in the SoA</Badge>}
            {c.archivedAt && <Badge tone="red">Archived</Badge>}
          </span>
        }
        actions={
          <>
            {canEdit && !editing && <Button onClick={() => setEditing(true)}>Edit</Button>}
            {(c.archivedAt ? c.abilities.restore : c.abilities.archive) && (
              <Button
                variant={c.archivedAt ? "secondary" : "danger"}
                onClick={() => archive.mutate(undefined)}
              >
                {c.archivedAt ? "Restore" : "Archive"}
              </Button>
            )}
          </>
        }
      />
      <FormErrorAlert mutation={archive} />
      {editing ? (
        <AppliedControlForm
          key={c.version}
          orgId={orgId}
          existing={c}
          mutation={update}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={(v) =>
            update.mutate({ ...v, version: c.version }, { onSuccess: () => setEditing(false) })
          }
        />
      ) : (
        <>
          <Section title="Description">
            <p className="text-sm whitespace-pre-wrap text-slate-800">{c.description || "No description."}</p>
            <p className="mt-2 text-sm text-slate-700">Owner: {c.ownerName ?? "—"}</p>
          </Section>
          <Section title="Implements">
            {c.links.length === 0 ? (
              <p className="text-sm text-slate-700">Not linked to any framework node or record yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {c.links.map((l) => (
                  <li key={`${l.type}|${l.id}`}>
                    {l.type === "framework_node" && parseFrameworkNodeRef(l.id).nodeId.startsWith("A.") ? (
                      <Link to="/orgs/$orgId/soa" params={{ orgId }} className="text-blue-800 underline">
                        {l.label}
                      </Link>
                    ) : (
                      l.label
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </>
  );
}

export function AppliedControlDetailPage() {
  const { orgId, controlId } = route.useParams();
  const q = useAppliedControl(orgId, controlId);
  useDocumentTitle(q.data?.name ?? "Applied control");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/orgs/$orgId/applied-controls" params={{ orgId }} className="text-blue-800 underline">
          ← Applied controls
        </Link>
      </p>
      <QueryView query={q} loadingLabel="Loading the applied control…">
        {(c) => <Details orgId={orgId} c={c} />}
      </QueryView>
    </>
  );
}
