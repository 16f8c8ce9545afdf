import { useMemo, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link2, X } from "lucide-react";
import type { FrameworkNodeView, LinkTarget } from "@openaims/core";
import { aiSystemsApi, documentsApi, isApiError, type DocumentView } from "../../api";
import { Button } from "../../components/button";
import { SelectField } from "../../components/form-controls";
import { Alert, FormErrorAlert } from "../../components/states";
import { useFramework } from "../frameworks/queries";
import { useAfterDocumentWrite } from "./queries";

const ISO = "iso-iec-42001-2023";

function flatten(nodes: FrameworkNodeView[]): FrameworkNodeView[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The requirements, controls and AI systems this document addresses. */
export function LinksEditor({ orgId, doc }: { orgId: string; doc: DocumentView }) {
  const canEdit = doc.abilities.update === true;
  const framework = useFramework(canEdit ? ISO : undefined);
  const systems = useQuery({
    queryKey: ["orgs", orgId, "ai-systems", "list", { limit: 200, sort: "name" }],
    queryFn: ({ signal }) => aiSystemsApi.list(orgId, { limit: 200, sort: "name" }, signal),
    enabled: canEdit,
  });
  const after = useAfterDocumentWrite(orgId);
  const [node, setNode] = useState("");
  const [system, setSystem] = useState("");
  const save = useMutation({
    mutationFn: (links: LinkTarget[]) => documentsApi.update(orgId, doc.id, { version: doc.version, links }),
    onSuccess: after,
  });
  const current: LinkTarget[] = doc.links.map((l) => ({ type: l.type, id: l.id }));
  const has = (t: LinkTarget) => current.some((c) => c.type === t.type && c.id === t.id);
  const nodeOptions = useMemo(
    () =>
      flatten(framework.data?.nodes ?? [])
        .filter((n) => n.kind === "requirement" || n.kind === "control")
        .map((n) => ({ value: `${ISO}:${n.id}`, label: `${n.id} ${n.title}` })),
    [framework.data],
  );
  const add = (t: LinkTarget) => !has(t) && save.mutate([...current, t]);
  const remove = (t: LinkTarget) => save.mutate(current.filter((c) => !(c.type === t.type && c.id === t.id)));

  return (
    <div className="space-y-6">
      {doc.links.length === 0 ? (
        <p className="text-sm text-slate-700">
          This document is not linked to any requirement, control or AI system yet.
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label="Links"
        >
          {doc.links.map((l) => (
            <li
              key={`${l.type}|${l.id}`}
              className="flex items-center justify-between gap-2 px-3 py-2 text-sm"
            >
              <span className="flex items-center gap-2">
                <Link2 className="size-4 text-slate-500" aria-hidden="true" />
                <span className="text-xs text-slate-600">
                  {l.type === "ai_system"
                    ? "AI system"
                    : l.type === "framework_node"
                      ? "ISO/IEC 42001"
                      : l.type}
                </span>
                {l.label}
              </span>
              {canEdit && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => remove(l)}
                  disabled={save.isPending}
                  aria-label={`Remove link to ${l.label}`}
                >
                  <X className="size-4" aria-hidden="true" />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="flex items-end gap-2">
            <SelectField
              label="Link a requirement or control"
              value={node}
              onChange={(e) => setNode(e.target.value)}
              options={[{ value: "", label: framework.isPending ? "Loading…" : "Choose…" }, ...nodeOptions]}
              className="flex-1"
            />
            <Button
              disabled={!node || save.isPending}
              onClick={() => add({ type: "framework_node", id: node })}
            >
              Add
            </Button>
          </div>
          <div className="flex items-end gap-2">
            <SelectField
              label="Link an AI system"
              value={system}
              onChange={(e) => setSystem(e.target.value)}
              options={[
                { value: "", label: systems.isPending ? "Loading…" : "Choose…" },
                ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              className="flex-1"
            />
            <Button
              disabled={!system || save.isPending}
              onClick={() => add({ type: "ai_system", id: system })}
            >
              Add
            </Button>
          </div>
        </div>
      )}
      {/* link problems come back as field issues (links.0 …): show the message itself */}
      {isApiError(save.error) && save.error.issues.length > 0 ? (
        <Alert>{save.error.message}</Alert>
      ) : (
        <FormErrorAlert mutation={save} />
      )}
    </div>
  );
}
