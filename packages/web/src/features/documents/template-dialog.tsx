import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { documentsApi } from "../../api";
import { Button } from "../../components/button";
import { Dialog, DialogActions, type OrgDialogProps } from "../../components/dialog";
import { MarkdownView } from "../../components/markdown-view";
import { QueryView } from "../../components/query-view";
import { FormErrorAlert } from "../../components/states";
import { kindLabels } from "./document-labels";
import { useAfterDocumentWrite, useDocumentTemplates } from "./queries";

/** Pick a starter template, preview it, and create a draft from it. */
export function TemplateDialog({ orgId, open, onOpenChange }: OrgDialogProps) {
  const navigate = useNavigate();
  const templates = useDocumentTemplates(orgId, open);
  const after = useAfterDocumentWrite(orgId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const create = useMutation({
    mutationFn: (templateKey: string) => documentsApi.fromTemplate(orgId, { templateKey }),
    onSuccess: async (doc) => {
      await after(doc);
      onOpenChange(false);
      void navigate({ to: "/orgs/$orgId/documents/$documentId", params: { orgId, documentId: doc.id } });
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New document from a template"
      description="Each template is a plain-language first draft written for OpenAIMS (not text from the standard). It becomes a draft you own; adapt it, then submit it for approval."
      wide
    >
      <QueryView query={templates} loadingLabel="Loading templates…">
        {(data) => {
          const selected = data.items.find((t) => t.key === chosen);
          return (
            <>
              <fieldset className="space-y-2">
                <legend className="sr-only">Template</legend>
                {data.items.map((t) => (
                  <label
                    key={t.key}
                    className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
                  >
                    <input
                      type="radio"
                      name="template"
                      value={t.key}
                      checked={chosen === t.key}
                      onChange={() => setChosen(t.key)}
                      className="mt-1"
                    />
                    <span>
                      <span className="block font-medium text-slate-900">
                        {t.title}{" "}
                        <span className="text-xs font-normal text-slate-600">· {kindLabels[t.kind]}</span>
                      </span>
                      <span className="block text-sm text-slate-700">{t.summary}</span>
                      <span className="block text-xs text-slate-600">
                        Links: {t.links.map((l) => l.label).join("; ")}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
              {selected && (
                <div className="mt-3">
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setPreview((p) => !p)}
                    aria-expanded={preview}
                  >
                    {preview ? "Hide the text" : "Preview the text"}
                  </Button>
                  {preview && (
                    <div className="mt-2 max-h-80 overflow-y-auto rounded-md border border-slate-200 p-3">
                      <MarkdownView text={selected.body} />
                    </div>
                  )}
                </div>
              )}
              <div className="mt-4">
                <FormErrorAlert mutation={create} />
              </div>
              <DialogActions>
                <Button onClick={() => onOpenChange(false)}>Cancel</Button>
                <Button
                  variant="primary"
                  disabled={!chosen}
                  busy={create.isPending}
                  onClick={() => chosen && create.mutate(chosen)}
                >
                  Create draft
                </Button>
              </DialogActions>
            </>
          );
        }}
      </QueryView>
    </Dialog>
  );
}
