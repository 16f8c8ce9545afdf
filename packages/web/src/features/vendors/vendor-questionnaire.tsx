import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  aiSupplierQuestionnaire,
  choiceAnswers,
  scoreQuestionnaire,
  type Question,
  type QuestionnaireAnswer,
  type QuestionnaireScore,
  type VendorRiskRating,
} from "@openaims/core";
import { isApiError, vendorsApi, type VendorQuestionnaireDraftView } from "../../api";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { controlClass } from "../../components/form-controls";
import { Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { useAfterVendorWrite, vendorKeys } from "./queries";

type Answers = Record<string, QuestionnaireAnswer>;
const choiceLabels: Record<(typeof choiceAnswers)[number], string> = {
  yes: "Yes",
  partial: "Partly",
  no: "No",
  na: "N/a",
};
export const riskTone = { low: "green", medium: "blue", high: "amber", critical: "red" } as const;

/** The suggested rating beside the recorded one, and the concerns behind it. */
export function ScoreSummary({
  score,
  current,
}: {
  score: QuestionnaireScore;
  current: VendorRiskRating | null;
}) {
  const s = score.suggestedRating;
  return (
    <div className="space-y-2 text-sm" role="status">
      <p className="flex flex-wrap items-center gap-2">
        Suggested rating: {s ? <Badge tone={riskTone[s]}>{s}</Badge> : "— (nothing answered yet)"}
        <span className="text-slate-600">
          Recorded: {current ?? "not rated"}
          {s &&
            s !== current &&
            " — differs; the recorded rating is your decision (edit the vendor to change it)."}
        </span>
      </p>
      <p className="text-slate-600">
        {score.points} of {score.maxPoints} weighted points at risk
        {score.unanswered.length > 0 && `; ${score.unanswered.length} question(s) unanswered`}.
      </p>
      {score.concerns.length > 0 && (
        <ul className="list-disc pl-5" aria-label="Concerns">
          {score.concerns.map((c) => (
            <li key={c.questionId}>
              {c.text} <span className="text-slate-600">({c.reason})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AnswerControl({
  q,
  value,
  onChange,
  disabled,
}: {
  q: Question;
  value: QuestionnaireAnswer | undefined;
  onChange: (a: QuestionnaireAnswer) => void;
  disabled: boolean;
}) {
  const answer = value?.answer ?? "";
  const note = value?.note ?? "";
  const set = (patch: Partial<QuestionnaireAnswer>) => onChange({ answer, note, ...patch });
  return (
    <div className="space-y-2">
      {q.type === "choice" && (
        <div role="radiogroup" aria-label={q.text} className="flex flex-wrap gap-3 text-sm">
          {choiceAnswers.map((c) => (
            <label key={c} className="inline-flex items-center gap-1">
              <input
                type="radio"
                name={q.id}
                value={c}
                checked={answer === c}
                disabled={disabled}
                onChange={() => set({ answer: c })}
                className="accent-blue-700"
              />
              {choiceLabels[c]}
            </label>
          ))}
        </div>
      )}
      {q.type === "date" && (
        <input
          type="date"
          aria-label={q.text}
          value={answer}
          disabled={disabled}
          onChange={(e) => set({ answer: e.target.value })}
          className={controlClass(false)}
        />
      )}
      {q.type === "text" && (
        <textarea
          aria-label={q.text}
          rows={2}
          value={answer}
          disabled={disabled}
          onChange={(e) => set({ answer: e.target.value })}
          className={controlClass(false)}
        />
      )}
      {q.type !== "text" && (
        <input
          aria-label={`Note on ${q.id}`}
          placeholder="Note or evidence (optional)"
          value={note}
          disabled={disabled}
          onChange={(e) => set({ note: e.target.value })}
          className={controlClass(false)}
        />
      )}
    </div>
  );
}

/** The questionnaire tab: answer by section, see the suggested rating live, save the draft, complete it. */
export function VendorQuestionnaire({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const draft = useQuery({
    queryKey: vendorKeys.questionnaire(orgId, vendorId),
    queryFn: ({ signal }) => vendorsApi.questionnaire(orgId, vendorId, signal),
  });
  if (draft.isPending) return <LoadingState label="Loading the questionnaire…" />;
  if (draft.isError) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />;
  return <QuestionnaireForm orgId={orgId} vendorId={vendorId} draft={draft.data} />;
}

function QuestionnaireForm({
  orgId,
  vendorId,
  draft,
}: {
  orgId: string;
  vendorId: string;
  draft: VendorQuestionnaireDraftView;
}) {
  const [answers, setAnswers] = useState<Answers>(draft.answers);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setAnswers(draft.answers);
    setDirty(false);
  }, [draft]);
  const after = useAfterVendorWrite(orgId);
  const save = useMutation({
    mutationFn: () => vendorsApi.saveQuestionnaire(orgId, vendorId, { answers, version: draft.version }),
    onSuccess: () => after(),
  });
  const complete = useMutation({
    mutationFn: () => vendorsApi.completeQuestionnaire(orgId, vendorId, draft.version),
    onSuccess: () => after(),
  });
  // the score is recomputed as you answer with the same pure rule the server applies on save and completion
  const score = useMemo(() => scoreQuestionnaire(answers, new Date()), [answers]);
  const editable = Boolean(draft.abilities.update);
  const canComplete = editable && draft.version > 0 && !dirty && score.unanswered.length === 0;
  const failure = save.error ?? complete.error;
  return (
    <>
      <Section title="Score">
        <ScoreSummary score={score} current={draft.currentRating} />
      </Section>
      {failure && (
        <div className="mb-4">
          <Alert>
            {isApiError(failure) && failure.code === "conflict"
              ? "Someone else saved this questionnaire meanwhile; reload the page to see their answers."
              : errorMessage(failure)}
          </Alert>
        </div>
      )}
      {complete.isSuccess && (
        <div className="mb-4">
          <Alert tone="success">
            Completed questionnaire #{complete.data.number}. It is kept in the history below.
          </Alert>
        </div>
      )}
      <p className="mb-4 text-sm text-slate-600">
        Questionnaire {aiSupplierQuestionnaire.version}.{" "}
        {draft.version === 0
          ? draft.startedFrom
            ? `Starts from completed questionnaire #${draft.startedFrom}; nothing saved yet.`
            : "Not started."
          : `Draft saved ${formatDateTime(draft.updatedAt)}${dirty ? "; unsaved changes" : ""}.`}
      </p>
      {aiSupplierQuestionnaire.sections.map((s) => (
        <Section key={s.id} title={s.title}>
          <p className="mb-3 text-xs text-slate-600">{s.refs.join(", ")}</p>
          <ol className="space-y-5">
            {s.questions.map((q) => (
              <li key={q.id} className="space-y-1">
                <p className="text-sm font-medium text-slate-900">{q.text}</p>
                <p className="text-xs text-slate-600">{q.help}</p>
                <AnswerControl
                  q={q}
                  value={answers[q.id]}
                  disabled={!editable}
                  onChange={(a) => {
                    setAnswers((prev) => ({ ...prev, [q.id]: a }));
                    setDirty(true);
                  }}
                />
              </li>
            ))}
          </ol>
        </Section>
      ))}
      {editable && (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4">
          <Button variant="primary" busy={save.isPending} onClick={() => save.mutate()} disabled={!dirty}>
            Save draft
          </Button>
          <Button busy={complete.isPending} onClick={() => complete.mutate()} disabled={!canComplete}>
            Complete
          </Button>
          {!canComplete && (
            <span className="text-xs text-slate-600">
              Save every answer (n/a counts) to complete; a completed questionnaire cannot be changed.
            </span>
          )}
        </div>
      )}
    </>
  );
}
