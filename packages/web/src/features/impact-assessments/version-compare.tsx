import { useState } from "react";
import type { ImpactAssessmentView } from "../../api/impact-assessments";
import { SelectField } from "../../components/form-controls";
import { LineDiffView } from "../../components/line-diff-view";
import { ErrorState, LoadingState } from "../../components/states";
import { useImpactAssessmentDiff } from "./queries";

/**
 * Compare two frozen versions: by default the one before the newest with the newest. Title, variant and overall
 * ratings as before → after; every differing field of the template as a line diff.
 */
export function VersionCompare({ orgId, assessment }: { orgId: string; assessment: ImpactAssessmentView }) {
  const numbers = assessment.versions.map((v) => v.number); // newest first
  const [from, setFrom] = useState<number | null>(numbers[1] ?? null);
  const [to, setTo] = useState<number | null>(numbers[0] ?? null);
  const diff = useImpactAssessmentDiff(orgId, assessment.id, from, to);
  if (numbers.length < 2) return null;
  const options = assessment.versions.map((v) => ({
    value: String(v.number),
    label: `v${v.number} (${v.status}, revision ${v.revision})`,
  }));
  return (
    <div className="mt-6 space-y-4" aria-label="Compare versions" role="region">
      <h3 className="text-sm font-semibold text-slate-900">Compare versions</h3>
      <div className="grid max-w-xl gap-3 sm:grid-cols-2">
        <SelectField
          label="From"
          value={String(from ?? "")}
          options={options}
          onChange={(e) => setFrom(Number(e.target.value))}
        />
        <SelectField
          label="To"
          value={String(to ?? "")}
          options={options}
          onChange={(e) => setTo(Number(e.target.value))}
        />
      </div>
      {diff.isPending ? (
        <LoadingState />
      ) : diff.isError ? (
        <ErrorState error={diff.error} />
      ) : diff.data.same ? (
        <p className="text-sm text-slate-700">
          Versions {diff.data.from} and {diff.data.to} have the same content.
        </p>
      ) : (
        <div className="space-y-4">
          {diff.data.changes.length > 0 && (
            <ul className="space-y-1 text-sm">
              {diff.data.changes.map((c) => (
                <li key={c.field}>
                  <span className="font-medium">{c.label}:</span> {c.before || "—"} → {c.after || "—"}
                </li>
              ))}
            </ul>
          )}
          {diff.data.sections.map((s) => (
            <section key={s.key} aria-label={s.title} className="space-y-2">
              <h4 className="text-sm font-semibold text-slate-800">{s.title}</h4>
              {s.fields.map((f) => (
                <div key={f.path} className="space-y-1">
                  <p className="text-xs text-slate-700">
                    {f.label}: +{f.added} −{f.removed}
                  </p>
                  <LineDiffView lines={f.lines} />
                </div>
              ))}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
