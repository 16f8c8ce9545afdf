import type { ClassificationResult } from "@openaims/core";
import { keyValues, table } from "../../output/format";

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** The result for people: the axes, the obligations by date, then the rationale. */
export function classificationText(r: ClassificationResult): string {
  const axes = keyValues([
    [
      "Prohibited",
      r.prohibited ? `yes — Art. 5(1) ${r.prohibitedPoints.map((p) => `(${p})`).join(", ")}` : "no",
    ],
    [
      "High-risk",
      r.highRisk
        ? `yes — ${r.highRiskRoute === "annex_i" ? "Annex I (Art. 6(1))" : "Annex III (Art. 6(2))"}`
        : "no",
    ],
    ["Annex III point", r.annexIIIPoint ?? "-"],
    ["Exempt (Art. 6(3))", yesNo(r.exemptUnderArt6_3)],
    ["Transparency", r.transparency.length > 0 ? r.transparency.map((p) => `Art. ${p}`).join(", ") : "none"],
    ["GPAI", r.gpai],
    ["FRIA required", yesNo(r.friaRequired)],
    ["Registration", yesNo(r.registrationRequired)],
  ]);
  const obligations =
    r.obligations.length === 0
      ? "No obligations.\n"
      : table(
          [...r.obligations].sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom)),
          [
            { header: "APPLIES FROM", value: (o) => o.appliesFrom },
            { header: "ROLE", value: (o) => o.role },
            { header: "ARTICLE", value: (o) => o.article },
            { header: "BASIS", value: (o) => o.basis },
            { header: "OBLIGATION", value: (o) => o.title },
          ],
        );
  const why = r.rationale.map((l) => `- ${l}\n`).join("");
  return `${axes}\n${obligations}\nWhy:\n${why}`;
}
