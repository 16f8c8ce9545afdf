import * as Tabs from "@radix-ui/react-tabs";
import { Tab, TabList } from "../../components/tabs";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Badge } from "../../components/badge";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/states";
import { DocumentActions } from "./document-actions";
import { DocumentText } from "./document-text";
import { DraftEditor } from "./draft-editor";
import { kindLabels, ReviewBadge, StatusBadge } from "./document-labels";
import { LinksEditor } from "./links-editor";
import { VersionsPanel } from "./versions-panel";
import { useDocument } from "./queries";

const route = getRouteApi("/orgs/$orgId/documents/$documentId");

export type DocumentTab = "text" | "edit" | "versions" | "links";

export function DocumentDetailPage() {
  const { orgId, documentId } = route.useParams();
  const { tab = "text" } = route.useSearch();
  const navigate = useNavigate();
  const query = useDocument(orgId, documentId);
  useDocumentTitle(query.data?.title ?? "Document");

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const doc = query.data;
  const canEdit = doc.abilities.editDraft === true;
  const active: DocumentTab = tab === "edit" && !canEdit ? "text" : tab;
  const setTab = (v: string) =>
    void navigate({
      to: "/orgs/$orgId/documents/$documentId",
      params: { orgId, documentId },
      search: v === "text" ? {} : { tab: v as Exclude<DocumentTab, "text"> },
      replace: true,
    });

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link to="/orgs/$orgId/documents" params={{ orgId }} className="underline hover:text-slate-900">
          Policies & documents
        </Link>
      </nav>
      <PageHeader
        title={doc.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{kindLabels[doc.kind]}</Badge>
            <StatusBadge status={doc.status} />
            <span className="text-xs">
              latest version {doc.latestVersion}
              {doc.publishedVersion !== null && `, version ${doc.publishedVersion} in force`}
            </span>
            <ReviewBadge status={doc.reviewStatus} date={doc.nextReviewAt} />
            {doc.ownerName && <span className="text-xs">Owner: {doc.ownerName}</span>}
          </span>
        }
      />
      <DocumentActions orgId={orgId} doc={doc} onEdit={() => setTab("edit")} />
      <Tabs.Root value={active} onValueChange={setTab}>
        <TabList aria-label="Document sections">
          <Tab value="text">Text</Tab>
          {canEdit && <Tab value="edit">Edit draft</Tab>}
          <Tab value="versions">Versions ({doc.versions.length})</Tab>
          <Tab value="links">Links ({doc.links.length})</Tab>
        </TabList>
        <Tabs.Content value="text">
          <DocumentText orgId={orgId} doc={doc} />
        </Tabs.Content>
        {canEdit && (
          <Tabs.Content value="edit">
            <DraftEditor orgId={orgId} doc={doc} onDone={() => setTab("text")} />
          </Tabs.Content>
        )}
        <Tabs.Content value="versions">
          <VersionsPanel orgId={orgId} doc={doc} />
        </Tabs.Content>
        <Tabs.Content value="links">
          <LinksEditor orgId={orgId} doc={doc} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
