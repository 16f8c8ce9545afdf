import type { ReactNode } from "react";
import type { ClassificationResult } from "@openaims/core";
import { Badge } from "../../components/badge";
import { Section } from "../../components/page-header";

const routeLabel = {
  annex_i: "Annex I product route (Art. 6(1))",
  annex_iii: "Annex III use case (Art. 6(2))",
};
const gpaiLabel = {
  none: "Not a general-purpose AI model",
  gpai: "General-purpose AI model",
  gpai_systemic_risk: "General-purpose AI model with systemic risk",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

const yesNo = (b: boolean, tone: "red" | "amber" | "blue" = "amber") =>
  b ? <Badge tone={tone}>Yes</Badge> : <Badge>No</Badge>;

/** The classification on its separate axes, the dated obligations per role, and the rationale. */
export function ClassificationCard({ result }: { result: ClassificationResult }) {
  const obligations = [...result.obligations].sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-4" aria-live="polite">
      <h2 className="mb-2 text-lg font-semibold text-slate-900">Classification</h2>
      <dl className="divide-y divide-slate-200">
        <Row label="Prohibited practice (Art. 5)">
          {result.prohibited ? (
            <Badge tone="red">
              Prohibited: Art. 5(1) {result.prohibitedPoints.map((p) => `(${p})`).join(", ")}
            </Badge>
          ) : (
            <Badge>No</Badge>
          )}
        </Row>
        <Row label="High-risk">
          {result.highRisk && result.highRiskRoute ? (
            <Badge tone="amber">{routeLabel[result.highRiskRoute]}</Badge>
          ) : (
            <Badge>No</Badge>
          )}
          {result.annexIIIPoint && <span className="ml-2">Annex III point {result.annexIIIPoint}</span>}
        </Row>
        <Row label="Not high-risk under Art. 6(3)">{yesNo(result.exemptUnderArt6_3, "blue")}</Row>
        <Row label="Transparency (Art. 50)">
          {result.transparency.length > 0 ? result.transparency.map((p) => `Art. ${p}`).join(", ") : "None"}
        </Row>
        <Row label="Model">{gpaiLabel[result.gpai]}</Row>
        <Row label="Fundamental rights impact assessment (Art. 27)">{yesNo(result.friaRequired)}</Row>
        <Row label="Registration (Art. 49)">{yesNo(result.registrationRequired)}</Row>
      </dl>

      <Section title="Obligations">
        {obligations.length === 0 ? (
          <p className="text-sm text-slate-700">No obligations for the roles given.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="py-2 pr-3">
                    Applies from
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Role
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Article
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Obligation
                  </th>
                  <th scope="col" className="py-2">
                    Date set by Reg. (EU)
                  </th>
                </tr>
              </thead>
              <tbody>
                {obligations.map((o) => (
                  <tr key={`${o.id}-${o.role}`} className="border-b border-slate-200">
                    <td className="py-2 pr-3 whitespace-nowrap">{o.appliesFrom}</td>
                    <td className="py-2 pr-3">{o.role.replace(/_/g, " ")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{o.article}</td>
                    <td className="py-2 pr-3">{o.title}</td>
                    <td className="py-2 whitespace-nowrap">{o.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="Why">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          {result.rationale.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
