import type { DocumentView } from "../../api";
import { MarkdownView } from "../../components/markdown-view";
import { Alert } from "../../components/states";
import { formatDate } from "../../lib/format";
import { statusLabels } from "./document-labels";

/** The text in force; while none is, the latest draft's text, marked as such. */
export function DocumentText({ doc }: { orgId: string; doc: DocumentView }) {
  const shown = doc.current ?? doc.latest;
  const open = doc.latest.number !== shown.number;
  return (
    <div className="space-y-4">
      {doc.current ? (
        <p className="text-sm text-slate-700">
          Version {doc.current.number} in force since {formatDate(doc.current.publishedAt)}
          {doc.current.approvedBy && `, approved by ${doc.current.approvedBy.name}`}.
        </p>
      ) : (
        <Alert tone="info">
          No version is in force yet. This is version {shown.number} (
          {statusLabels[shown.status].toLowerCase()}).
        </Alert>
      )}
      {open && (
        <Alert tone="info">
          Version {doc.latest.number} is {statusLabels[doc.latest.status].toLowerCase()}; compare it under
          Versions.
        </Alert>
      )}
      {doc.latest.reviewComment && doc.latest.status === "draft" && (
        <Alert tone="info">Sent back to draft: {doc.latest.reviewComment}</Alert>
      )}
      <article
        className="rounded-lg border border-slate-200 bg-white p-6"
        aria-label={`${doc.title}, version ${shown.number}`}
      >
        <MarkdownView text={shown.body} />
      </article>
    </div>
  );
}
