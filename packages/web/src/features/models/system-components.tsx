import { Link } from "@tanstack/react-router";
import type { ComponentAttention } from "@openaims/core";
import { Badge } from "../../components/badge";
import { Section } from "../../components/page-header";
import { useSystemComponents } from "./queries";

const attentionTexts: Record<ComponentAttention["reason"], (label: string, detail: string) => string> = {
  gpai_model: (l) => `Uses the general-purpose AI model ${l}.`,
  special_category_data: (l) => `Uses the dataset ${l}, which holds special categories of personal data.`,
  vendor_high_risk: (l, d) => `Supplied by ${l}, rated ${d} risk.`,
  vendor_review_overdue: (l, d) => `Supplied by ${l}, whose review was due on ${d}.`,
  vendor_questionnaire_concerns: (l, d) =>
    `Supplied by ${l}; its latest due-diligence questionnaire has ${d} concern(s).`,
};
const attentionText = (a: ComponentAttention) => attentionTexts[a.reason](a.label, a.detail ?? "");

/** The "Components" section of an AI system: its linked models, and the attention its components raise. */
export function SystemComponents({ orgId, systemId }: { orgId: string; systemId: string }) {
  const q = useSystemComponents(orgId, systemId);
  if (!q.data) return null;
  const { models, datasets, attention } = q.data;
  return (
    <Section title="Components">
      {attention.length > 0 && (
        <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" role="status">
          <Badge tone="amber">Needs attention</Badge>
          {attention.map((a) => (
            <span key={`${a.reason}|${a.componentId}`}>{attentionText(a)}</span>
          ))}
        </p>
      )}
      {models.length === 0 ? (
        <p className="text-sm text-slate-600">
          No models linked yet. Link a model or dataset to this system from its page.
        </p>
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {models.map((m) => (
            <li key={m.id}>
              <Link
                to="/orgs/$orgId/models/$modelId"
                params={{ orgId, modelId: m.id }}
                className="text-blue-800 underline-offset-2 hover:underline"
              >
                {m.modelVersion ? `${m.name} ${m.modelVersion}` : m.name}
              </Link>{" "}
              {m.gpai && <Badge tone="amber">GPAI</Badge>} {m.archivedAt && <Badge>Archived</Badge>}
            </li>
          ))}
        </ul>
      )}
      {datasets.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm" aria-label="Datasets">
          {datasets.map((d) => (
            <li key={d.id}>
              <Link
                to="/orgs/$orgId/datasets/$datasetId"
                params={{ orgId, datasetId: d.id }}
                className="text-blue-800 underline-offset-2 hover:underline"
              >
                {d.name}
              </Link>{" "}
              {d.specialCategories && <Badge tone="amber">Special categories</Badge>}{" "}
              {d.via !== "system" && <span className="text-xs text-slate-600">(through a model)</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
