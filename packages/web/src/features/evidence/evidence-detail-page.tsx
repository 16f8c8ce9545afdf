import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Download, ExternalLink, Pencil, Trash2 } from "lucide-react";
import type { LinkView } from "@openaims/core";
import { evidenceApi, type EvidenceDetailView } from "../../api";
import { ArchiveToggleButton } from "../../components/archive-toggle-button";
import { Button, buttonClass } from "../../components/button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader, Section, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert, FormErrorAlert } from "../../components/states";
import { formatDate, formatDateTime } from "../../lib/format";
import { useArchiveToggle } from "../../lib/use-archive-toggle";
import { EditEvidenceDialog } from "./edit-evidence-dialog";
import { EvidenceLinkPicker } from "./evidence-link-picker";
import { FreshnessBadge, formatSize, sourceLabels } from "./evidence-labels";
import { useAfterEvidenceWrite, useEvidence } from "./queries";

const route = getRouteApi("/orgs/$orgId/evidence/$evidenceId");

export function EvidenceDetailPage() {
  const { orgId, evidenceId } = route.useParams();
  const item = useEvidence(orgId, evidenceId);
  useDocumentTitle(item.data?.title ?? "Evidence");
  return (
    <QueryView query={item} loadingLabel="Loading evidence…">
      {(data) => <EvidenceDetail orgId={orgId} item={data} />}
    </QueryView>
  );
}

function EvidenceDetail({ orgId, item }: { orgId: string; item: EvidenceDetailView }) {
  const navigate = useNavigate();
  const after = useAfterEvidenceWrite(orgId);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const archived = item.archivedAt !== null;
  const toggle = useArchiveToggle(orgId, evidenceApi, after);
  const remove = useMutation({
    mutationFn: () => evidenceApi.remove(orgId, item.id),
    onSuccess: async () => {
      setConfirmDelete(false);
      await after();
      void navigate({ to: "/orgs/$orgId/evidence", params: { orgId } });
    },
  });
  const inSoa = item.approvedSoaVersions.length > 0;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/orgs/$orgId/evidence" params={{ orgId }} className="text-blue-800 hover:underline">
          ← Evidence
        </Link>
      </p>
      <PageHeader
        title={item.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FreshnessBadge freshness={item.freshness} validUntil={item.validUntil} />
            {archived && <span>Archived {formatDate(item.archivedAt)}</span>}
          </span>
        }
        actions={
          <>
            {item.file && (
              <a href={evidenceApi.contentUrl(orgId, item.id)} download className={buttonClass("primary")}>
                <Download className="size-4" aria-hidden="true" />
                Download
              </a>
            )}
            {item.url && (
              <a
                href={item.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className={buttonClass("primary")}
              >
                <ExternalLink className="size-4" aria-hidden="true" />
                Open link
              </a>
            )}
            {item.abilities.update && !archived && (
              <Button onClick={() => setEditing(true)}>
                <Pencil className="size-4" aria-hidden="true" />
                Edit
              </Button>
            )}
            <ArchiveToggleButton record={item} toggle={toggle} />
            {item.abilities.delete && (
              <Button
                variant="danger"
                onClick={() => setConfirmDelete(true)}
                disabled={inSoa}
                title={inSoa ? "Referenced by an approved SoA version: archive it instead" : undefined}
              >
                <Trash2 className="size-4" aria-hidden="true" />
                Delete
              </Button>
            )}
          </>
        }
      />
      <FormErrorAlert mutation={toggle} />
      {inSoa && (
        <div className="mb-6">
          <Alert tone="info">
            Referenced by approved SoA {item.approvedSoaVersions.length === 1 ? "version" : "versions"}{" "}
            {item.approvedSoaVersions.join(", ")}: it can be archived but not deleted.
          </Alert>
        </div>
      )}
      <Section title="Details">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          {item.description && <Row label="Description">{item.description}</Row>}
          {item.file && (
            <>
              <Row label="File">{item.file.filename ?? "—"}</Row>
              <Row label="Size and type">
                {formatSize(item.file.size)} · {item.file.mediaType}
              </Row>
              <Row label="SHA-256">
                <code className="text-xs break-all">{item.file.sha256}</code>
              </Row>
            </>
          )}
          {item.url && (
            <Row label="URL">
              <span className="break-all">{item.url}</span>
            </Row>
          )}
          <Row label="Collected">{formatDate(item.collectedAt)}</Row>
          <Row label="Valid until">{item.validUntil ? formatDate(item.validUntil) : "No end date"}</Row>
          <Row label="Added">
            {formatDateTime(item.createdAt)} by {item.createdByName ?? "—"} ({sourceLabels[item.source]})
          </Row>
        </dl>
      </Section>
      <Section title="Links">
        <LinksEditor orgId={orgId} item={item} />
      </Section>
      <EditEvidenceDialog orgId={orgId} item={item} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete this evidence?"
        confirmLabel="Delete"
        onConfirm={() => remove.mutate()}
        busy={remove.isPending}
        error={remove.error}
      >
        “{item.title}” and its links are removed for good. To keep it for audits but out of the way, archive
        it instead.
      </ConfirmDialog>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}

function LinksEditor({ orgId, item }: { orgId: string; item: EvidenceDetailView }) {
  const after = useAfterEvidenceWrite(orgId);
  const editable = item.abilities.link === true && item.archivedAt === null;
  const [draft, setDraft] = useState<LinkView[] | null>(null);
  const save = useMutation({
    mutationFn: (links: LinkView[]) =>
      evidenceApi.setLinks(
        orgId,
        item.id,
        links.map((l) => ({ type: l.type, id: l.id })),
        item.version,
      ),
    onSuccess: async (fresh) => {
      setDraft(null);
      await after(fresh);
    },
  });
  if (!editable)
    return item.links.length === 0 ? (
      <p className="text-sm text-slate-700">Not linked to anything.</p>
    ) : (
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-900">
        {item.links.map((l) => (
          <li key={`${l.type}|${l.id}`}>{l.label}</li>
        ))}
      </ul>
    );
  const links = draft ?? item.links;
  return (
    <div className="space-y-3">
      <EvidenceLinkPicker orgId={orgId} links={links} onChange={setDraft} disabled={save.isPending} />
      {draft && (
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => save.mutate(draft)} busy={save.isPending}>
            Save links
          </Button>
          <Button onClick={() => setDraft(null)}>Discard changes</Button>
        </div>
      )}
      {save.isError && <Alert>{(save.error as Error).message}</Alert>}
    </div>
  );
}
