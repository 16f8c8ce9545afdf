import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { warningTexts, type ImpactAssessmentAction } from "@openaims/core";
import { impactAssessmentsApi, type ImpactAssessmentView } from "../../api/impact-assessments";
import { isApiError } from "../../api";
import { Button } from "../../components/button";
import { TextField } from "../../components/form-controls";
import { PageHeader, Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { AssessmentStatusBadge, ImpactLevelBadge } from "./assessment-badges";
import { AssessmentForm } from "./assessment-form";
import { AuthorityNotifications, VersionHistory } from "./assessment-history";
import { useAfterAssessmentWrite, useImpactAssessment } from "./queries";

const route = getRouteApi("/orgs/$orgId/impact-assessments/$assessmentId");

export function ImpactAssessmentDetailPage() {
  const { orgId, assessmentId } = route.useParams();
  const query = useImpactAssessment(orgId, assessmentId);
  const [step, setStep] = useState(0);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link
          to="/orgs/$orgId/impact-assessments"
          params={{ orgId }}
          className="underline-offset-2 hover:underline"
        >
          Impact assessments
        </Link>
      </nav>
      <PageHeader
        title={a.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <AssessmentStatusBadge status={a.status} />
            <span>{a.variant === "fria" ? "Fundamental rights impact assessment" : "Impact assessment"}</span>
            <span>
              of{" "}
              <Link
                to="/orgs/$orgId/ai-systems/$systemId"
                params={{ orgId, systemId: a.aiSystemId }}
                className="underline"
              >
                {a.aiSystemName}
              </Link>
            </span>
          </span>
        }
      />
      {a.warnings.map((w) => (
        <div key={w} className="mb-3">
          <Alert tone="info">{warningTexts[w] ?? w}</Alert>
        </div>
      ))}
      {a.reviewComment && a.status === "draft" && (
        <div className="mb-3">
          <Alert tone="info">Sent back by the reviewer: {a.reviewComment}</Alert>
        </div>
      )}
      <dl className="mb-6 grid gap-x-6 gap-y-3 sm:grid-cols-4">
        {(
          [
            ["Revision", String(a.revision)],
            ["Author", a.authorName ?? "—"],
            [
              "Approved version",
              a.approvedVersion ? `v${a.approvedVersion} by ${a.approvedByName ?? "—"}` : "None yet",
            ],
            ["Approved", a.approvedAt ? formatDateTime(a.approvedAt) : "—"],
            ["Next review", a.nextReviewDate ?? "—"],
            ["Owner", a.ownerName ?? "—"],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{k}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{v}</dd>
          </div>
        ))}
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Impact before / after
          </dt>
          <dd className="mt-0.5 flex gap-1 text-sm">
            <ImpactLevelBadge rating={a.summary.overallInherent} />{" "}
            <ImpactLevelBadge rating={a.summary.overallResidual} />
          </dd>
        </div>
      </dl>
      <SignOffBar key={a.version} orgId={orgId} assessment={a} />
      <Section title="Assessment">
        <AssessmentForm key={a.version} orgId={orgId} assessment={a} step={step} onStep={setStep} />
      </Section>
      <VersionHistory orgId={orgId} assessment={a} />
      <AuthorityNotifications orgId={orgId} assessment={a} />
    </>
  );
}

const buttons: {
  action: ImpactAssessmentAction;
  label: string;
  variant: "primary" | "secondary" | "danger";
}[] = [
  { action: "submit", label: "Submit for sign-off", variant: "primary" },
  { action: "approve", label: "Approve (sign off)", variant: "primary" },
  { action: "reject", label: "Send back to draft", variant: "secondary" },
  { action: "revise", label: "Start a revision", variant: "secondary" },
  { action: "mark-reviewed", label: "Mark as reviewed", variant: "secondary" },
  { action: "archive", label: "Archive", variant: "danger" },
  { action: "restore", label: "Restore", variant: "secondary" },
];

/** The workflow buttons the caller's abilities allow, with an optional comment kept in the version and the trail. */
function SignOffBar({ orgId, assessment }: { orgId: string; assessment: ImpactAssessmentView }) {
  const [comment, setComment] = useState("");
  const after = useAfterAssessmentWrite(orgId);
  const act = useMutation({
    mutationFn: (action: ImpactAssessmentAction) =>
      impactAssessmentsApi.act(orgId, assessment.id, action, {
        version: assessment.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: () => after(),
  });
  const shown = buttons.filter((b) => assessment.abilities[b.action]);
  if (shown.length === 0 && assessment.status !== "in_review") return null;
  return (
    <section
      aria-label="Sign-off"
      className="mb-8 max-w-3xl space-y-3 rounded-md border border-slate-300 p-4"
    >
      {act.isError && (
        <Alert>
          {errorMessage(act.error)}
          {isApiError(act.error) &&
            act.error.issues.length > 0 &&
            ` Missing: ${act.error.issues.map((i) => i.path.replace("content.", "")).join(", ")}.`}
        </Alert>
      )}
      {assessment.status === "in_review" && !assessment.abilities.approve && (
        <p className="text-sm text-slate-700">
          Waiting for sign-off by someone who did not write or edit this revision (four-eyes).
        </p>
      )}
      {shown.length > 0 && (
        <>
          <TextField
            label="Comment (optional)"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            {shown.map((b) => (
              <Button
                key={b.action}
                variant={b.variant}
                busy={act.isPending && act.variables === b.action}
                onClick={() => act.mutate(b.action)}
              >
                {b.label}
              </Button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
