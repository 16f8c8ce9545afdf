import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { euAiActApi, type TrainingCoverageView } from "../../api";

/** The rule-data id of the AI literacy obligation (EU AI Act Art. 4) tracked per classified AI system. */
export const ART4_OBLIGATION_ID = "art4.ai-literacy";

/**
 * Ties the coverage to the Art. 4 obligations the EU AI Act classifier tracks per AI system: how many systems owe
 * it, how many are marked met, and the organization's AI-literacy share next to them. Shows nothing when no
 * classified system owes it or the caller may not read obligations.
 */
export function Art4Obligations({ orgId, coverage }: { orgId: string; coverage: TrainingCoverageView }) {
  const obligations = useQuery({
    queryKey: ["orgs", orgId, "obligations", "art4"],
    queryFn: ({ signal }) => euAiActApi.orgObligations(orgId, {}, signal),
    retry: false,
  });
  const art4 = (obligations.data?.items ?? []).filter(
    (o) => o.obligationId === ART4_OBLIGATION_ID && o.applicable,
  );
  if (art4.length === 0) return null;
  const systems = new Set(art4.map((o) => o.aiSystemId)).size;
  const met = art4.filter((o) => o.status === "met").length;
  const s = coverage.summary;
  const share = coverage.complete
    ? ` Today ${s.aiLiteracyPercent} % of active members (${s.aiLiteracyValid} of ${s.members}) hold current AI-literacy training.`
    : "";
  return (
    <p className="mb-6 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800">
      {`Art. 4 AI literacy is a tracked obligation of ${systems} classified AI ${systems === 1 ? "system" : "systems"} (${met} of ${art4.length} marked met).${share} `}
      <Link to="/orgs/$orgId/obligations" params={{ orgId }} className="font-medium text-blue-800 underline">
        Open the EU AI Act obligations
      </Link>
    </p>
  );
}
