import { seriousIncidentQuestions, type SeriousIncidentAnswers } from "@openaims/core";

const choices: { value: boolean | null; label: string }[] = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
  { value: null, label: "Not known yet" },
];

/** The Art. 3(49) questions, each answered yes / no / not known yet, with a plain explanation. */
export function SeriousIncidentQuestions({
  answers,
  onChange,
  disabled,
}: {
  answers: SeriousIncidentAnswers;
  onChange?: (next: SeriousIncidentAnswers) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">
        Is it a serious incident? (EU AI Act Art. 3(49))
      </legend>
      <p className="text-xs text-slate-600">
        Did the incident or malfunctioning of the AI system lead, directly or indirectly, to any of the
        following?
      </p>
      {seriousIncidentQuestions.map((q) => (
        <div key={q.key} role="radiogroup" aria-label={q.question} className="text-sm">
          <p className="text-slate-900">
            {q.question} <span className="text-xs text-slate-600">({q.point})</span>
          </p>
          <p className="text-xs text-slate-600">{q.help}</p>
          <div className="mt-1 flex gap-4">
            {choices.map((c) => (
              <label key={String(c.value)} className="inline-flex items-center gap-1">
                <input
                  type="radio"
                  name={q.key}
                  disabled={disabled || !onChange}
                  checked={answers[q.key] === c.value}
                  onChange={() => onChange?.({ ...answers, [q.key]: c.value })}
                  className="accent-blue-700"
                />
                {c.label}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
