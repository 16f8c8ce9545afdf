import type { ReactNode } from "react";

/**
 * The filled-in answers of a sectioned card (a model card, a datasheet) as one definition list: each answer is
 * labelled "section · field"; empty answers are left out, and `emptyText` stands in when none is filled in.
 */
export function SectionAnswers({ sections, emptyText }: { sections: object; emptyText: ReactNode }) {
  const answers = Object.entries(sections).flatMap(([section, fields]) =>
    Object.entries((fields ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v)
      .map(([k, v]) => [`${section} · ${k}`, String(v)] as const),
  );
  if (answers.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[16rem_1fr]">
      {answers.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="whitespace-pre-wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
