import { useQuery } from "@tanstack/react-query";
import { aiSupplierQuestionnaire, questionsOf } from "@openaims/core";
import { vendorsApi } from "../../api";
import { Section } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { vendorKeys } from "./queries";
import { ScoreSummary } from "./vendor-questionnaire";

const questionText = new Map(questionsOf(aiSupplierQuestionnaire).map((q) => [q.id, q.text]));

/** The completed questionnaires, newest first: each kept as answered, with the score it had then. */
export function VendorQuestionnaireHistory({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const q = useQuery({
    queryKey: vendorKeys.history(orgId, vendorId),
    queryFn: ({ signal }) => vendorsApi.questionnaireHistory(orgId, vendorId, signal),
  });
  if (q.isPending) return <LoadingState label="Loading completed questionnaires…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <EmptyState title="No completed questionnaire yet" />;
  return (
    <>
      {q.data.items.map((r) => (
        <Section
          key={r.id}
          title={`#${r.number} — ${formatDateTime(r.completedAt)}${r.completedBy ? ` by ${r.completedBy.name}` : ""}`}
        >
          <p className="mb-2 text-xs text-slate-600">Questionnaire {r.questionnaireVersion}</p>
          <ScoreSummary score={r.score} current={q.data.currentRating} />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-blue-800">Answers</summary>
            <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[1fr_12rem]">
              {Object.entries(r.answers).map(([id, a]) => (
                <div key={id} className="contents">
                  <dt className="text-slate-700">{questionText.get(id) ?? id}</dt>
                  <dd className="whitespace-pre-wrap">
                    {a.answer || "—"}
                    {a.note && <span className="block text-xs text-slate-600">{a.note}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </Section>
      ))}
    </>
  );
}
