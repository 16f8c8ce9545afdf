import { useState } from "react";
import {
  harmDimensionHelp,
  harmDimensionLabels,
  harmDimensions,
  likelihoodLabels,
  rateHarm,
  severityLabels,
  type FieldIssue,
  type HarmDimension,
  type HarmEntry,
  type LinkView,
} from "@openaims/core";
import { Button } from "../../components/button";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { issuesAt } from "../../lib/field-errors";
import { ImpactLevelBadge } from "./assessment-badges";

const scale = (labels: Record<number, string>, withNone = false) => [
  ...(withNone ? [{ value: "", label: "Same as before" }] : []),
  ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n} — ${labels[n]}` })),
];

const blankHarm = (dimension: HarmDimension): HarmEntry => ({
  dimension,
  description: "",
  affected: "",
  severity: 2,
  likelihood: 2,
  mitigations: "",
  appliedControlIds: [],
  riskRefs: [],
  residualSeverity: null,
  residualLikelihood: null,
});

/**
 * The table of harms: each row rated for severity and likelihood before mitigation, its mitigations (text, applied
 * controls, risk references) and the residual rating. Read-only when `onChange` is absent.
 */
export function HarmsEditor({
  harms,
  onChange,
  issues,
  controls,
}: {
  harms: HarmEntry[];
  onChange?: (harms: HarmEntry[]) => void;
  issues: FieldIssue[];
  controls: LinkView[];
}) {
  const at = issuesAt(issues);
  const set = (i: number, patch: Partial<HarmEntry>) =>
    onChange?.(harms.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const controlName = new Map(controls.map((c) => [c.id, c.label]));
  if (!onChange)
    return harms.length === 0 ? (
      <p className="text-sm text-slate-700">No harms recorded.</p>
    ) : (
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Harms</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th className="py-1">Dimension</th>
            <th>Harm</th>
            <th>Before</th>
            <th>Mitigations</th>
            <th>Residual</th>
          </tr>
        </thead>
        <tbody>
          {harms.map((h, i) => {
            const r = rateHarm(h);
            return (
              <tr key={i} className="border-t border-slate-200 align-top">
                <td className="py-2 pr-3">{harmDimensionLabels[h.dimension]}</td>
                <td className="pr-3 whitespace-pre-line">{h.description}</td>
                <td className="pr-3">
                  <ImpactLevelBadge rating={r.inherent} />
                </td>
                <td className="pr-3 whitespace-pre-line">
                  {h.mitigations}
                  {h.appliedControlIds.length > 0 && (
                    <span className="block text-xs text-slate-600">
                      Controls: {h.appliedControlIds.map((id) => controlName.get(id) ?? id).join(", ")}
                    </span>
                  )}
                  {h.riskRefs.length > 0 && (
                    <span className="block text-xs text-slate-600">Risks: {h.riskRefs.join(", ")}</span>
                  )}
                </td>
                <td>
                  <ImpactLevelBadge rating={r.residual} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  return (
    <div className="space-y-4">
      {at("content.harms")
        .filter((m) => m.includes("at least one"))
        .map((m) => (
          <p key={m} className="text-sm text-red-700">
            {m}
          </p>
        ))}
      {harms.map((h, i) => {
        const r = rateHarm(h);
        const p = `content.harms.${i}`;
        return (
          <fieldset key={`${i}/${harms.length}`} className="rounded-md border border-slate-300 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-900">Harm {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label="Dimension"
                value={h.dimension}
                hint={harmDimensionHelp[h.dimension]}
                onChange={(e) => set(i, { dimension: e.target.value as HarmDimension })}
                options={harmDimensions.map((d) => ({ value: d, label: harmDimensionLabels[d] }))}
              />
              <TextField
                label="Who is affected"
                value={h.affected}
                onChange={(e) => set(i, { affected: e.target.value })}
              />
              <TextAreaField
                label="The harm"
                className="sm:col-span-2"
                value={h.description}
                errors={at(`${p}.description`)}
                onChange={(e) => set(i, { description: e.target.value })}
              />
              <SelectField
                label="Severity"
                value={String(h.severity)}
                onChange={(e) => set(i, { severity: Number(e.target.value) })}
                options={scale(severityLabels)}
              />
              <SelectField
                label="Likelihood"
                value={String(h.likelihood)}
                onChange={(e) => set(i, { likelihood: Number(e.target.value) })}
                options={scale(likelihoodLabels)}
              />
              <p className="text-sm sm:col-span-2">
                Before mitigation: <ImpactLevelBadge rating={r.inherent} />
              </p>
              <TextAreaField
                label="Mitigations"
                className="sm:col-span-2"
                value={h.mitigations}
                errors={at(`${p}.mitigations`)}
                onChange={(e) => set(i, { mitigations: e.target.value })}
              />
              <div className="space-y-1">
                <SelectField
                  label="Applied controls"
                  hint="Add an applied control that carries this mitigation."
                  value=""
                  errors={at(`${p}.appliedControlIds`)}
                  onChange={(e) =>
                    e.target.value &&
                    set(i, { appliedControlIds: [...new Set([...h.appliedControlIds, e.target.value])] })
                  }
                  options={[
                    { value: "", label: "Choose a control to link" },
                    ...controls
                      .filter((c) => !h.appliedControlIds.includes(c.id))
                      .map((c) => ({ value: c.id, label: c.label })),
                  ]}
                />
                <ul className="flex flex-wrap gap-1" aria-label={`Controls linked to harm ${i + 1}`}>
                  {h.appliedControlIds.map((id) => (
                    <li
                      key={id}
                      className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs"
                    >
                      {controlName.get(id) ?? id}
                      <button
                        type="button"
                        aria-label={`Unlink ${controlName.get(id) ?? id}`}
                        className="text-slate-600 hover:text-red-700"
                        onClick={() =>
                          set(i, { appliedControlIds: h.appliedControlIds.filter((x) => x !== id) })
                        }
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
              <RiskRefsField
                initial={h.riskRefs}
                errors={at(`${p}.riskRefs`)}
                onChange={(riskRefs) => set(i, { riskRefs })}
              />
              <SelectField
                label="Residual severity"
                value={h.residualSeverity === null ? "" : String(h.residualSeverity)}
                errors={at(`${p}.residualSeverity`)}
                onChange={(e) => set(i, { residualSeverity: e.target.value ? Number(e.target.value) : null })}
                options={scale(severityLabels, true)}
              />
              <SelectField
                label="Residual likelihood"
                value={h.residualLikelihood === null ? "" : String(h.residualLikelihood)}
                onChange={(e) =>
                  set(i, { residualLikelihood: e.target.value ? Number(e.target.value) : null })
                }
                options={scale(likelihoodLabels, true)}
              />
              <p className="text-sm sm:col-span-2">
                After mitigation: <ImpactLevelBadge rating={r.residual} />
              </p>
            </div>
            <Button
              className="mt-3"
              variant="ghost"
              onClick={() => onChange(harms.filter((_, j) => j !== i))}
            >
              Remove harm {i + 1}
            </Button>
          </fieldset>
        );
      })}
      <Button
        onClick={() => onChange([...harms, blankHarm(harmDimensions[harms.length % harmDimensions.length]!)])}
      >
        Add a harm
      </Button>
    </div>
  );
}

/** Comma-separated risk references, kept as typed (so a trailing comma survives) and sent as a clean list. */
function RiskRefsField({
  initial,
  errors,
  onChange,
}: {
  initial: string[];
  errors: string[];
  onChange: (refs: string[]) => void;
}) {
  const [text, setText] = useState(initial.join(", "));
  return (
    <TextField
      label="Risk references"
      hint="Comma-separated identifiers from the risk register."
      value={text}
      errors={errors}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(",")
            .map((r) => r.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
