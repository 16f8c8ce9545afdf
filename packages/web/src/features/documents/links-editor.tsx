import { useMutation } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import type { LinkView } from "@openaims/core";
import { documentsApi, isApiError, type DocumentView } from "../../api";
import { LinkPicker, linkTypeLabels } from "../../components/link-picker";
import { Alert, FormErrorAlert } from "../../components/states";
import { useAfterDocumentWrite } from "./queries";

const emptyText = "This document is not linked to any requirement, control or AI system yet.";

/** The requirements, controls and AI systems this document addresses; each change is saved at once. */
export function LinksEditor({ orgId, doc }: { orgId: string; doc: DocumentView }) {
  const canEdit = doc.abilities.update === true;
  const after = useAfterDocumentWrite(orgId);
  const save = useMutation({
    mutationFn: (links: LinkView[]) =>
      documentsApi.update(orgId, doc.id, {
        version: doc.version,
        links: links.map((l) => ({ type: l.type, id: l.id })),
      }),
    onSuccess: after,
  });

  if (!canEdit)
    return doc.links.length === 0 ? (
      <p className="text-sm text-slate-700">{emptyText}</p>
    ) : (
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        aria-label="Links"
      >
        {doc.links.map((l) => (
          <li key={`${l.type}|${l.id}`} className="flex items-center gap-2 px-3 py-2 text-sm">
            <Link2 className="size-4 text-slate-500" aria-hidden="true" />
            <span className="text-xs text-slate-600">{linkTypeLabels[l.type] ?? l.type}</span>
            {l.label}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="space-y-4">
      <LinkPicker
        orgId={orgId}
        legend="What this document addresses"
        emptyText={emptyText}
        links={doc.links}
        onChange={(links) => save.mutate(links)}
        disabled={save.isPending}
      />
      {/* link problems come back as field issues (links.0 …): show the message itself */}
      {isApiError(save.error) && save.error.issues.length > 0 ? (
        <Alert>{save.error.message}</Alert>
      ) : (
        <FormErrorAlert mutation={save} />
      )}
    </div>
  );
}
