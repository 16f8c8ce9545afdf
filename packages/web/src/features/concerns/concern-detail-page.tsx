import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import {
  concernCategoryLabels,
  concernStatusLabels,
  concernTransitions,
  UpdateConcernInput,
  type ConcernStatus,
} from "@openaims/core";
import { concernsApi, isApiError, type ConcernView } from "../../api";
import { Button } from "../../components/button";
import { SelectField, TextAreaField } from "../../components/form-controls";
import { PageHeader, Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { ConcernStatusBadge } from "./concern-status";
import { useAfterConcernWrite, useConcern } from "./queries";

const route = getRouteApi("/orgs/$orgId/concerns/$concernId");

export function ConcernDetailPage() {
  const { orgId, concernId } = route.useParams();
  const query = useConcern(orgId, concernId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link to="/orgs/$orgId/concerns" params={{ orgId }} className="underline-offset-2 hover:underline">
          Concerns
        </Link>
      </nav>
      <PageHeader title={c.subject} description={<ConcernStatusBadge status={c.status} />} />
      <dl className="mb-6 grid gap-x-6 gap-y-3 sm:grid-cols-4">
        {(
          [
            ["Category", concernCategoryLabels[c.category]],
            ["AI system", c.aiSystemName ?? "—"],
            ["Reported by", c.anonymous ? "Anonymous" : (c.reporterName ?? "—")],
            ["Received", formatDateTime(c.createdAt)],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{k}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-8 max-w-3xl text-sm whitespace-pre-line text-slate-900">{c.description}</p>
      {c.abilities.respond ? (
        <RespondForm key={c.version} orgId={orgId} concern={c} onReload={() => void query.refetch()} />
      ) : (
        <Section title="Response">
          <p className="text-sm whitespace-pre-line text-slate-800">{c.response || "No response yet."}</p>
        </Section>
      )}
    </>
  );
}

function RespondForm({
  orgId,
  concern,
  onReload,
}: {
  orgId: string;
  concern: ConcernView;
  onReload: () => void;
}) {
  const [status, setStatus] = useState<ConcernStatus>(concern.status);
  const [response, setResponse] = useState(concern.response);
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterConcernWrite(orgId);
  const save = useMutation({
    mutationFn: (body: UpdateConcernInput) => concernsApi.update(orgId, concern.id, body),
    onSuccess: after,
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateConcernInput.safeParse({ status, response, version: concern.version });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    save.mutate(parsed.data);
  };
  const options = [concern.status, ...concernTransitions[concern.status]].map((s) => ({
    value: s,
    label: concernStatusLabels[s],
  }));
  const conflict = isApiError(save.error) && save.error.code === "conflict";
  return (
    <form onSubmit={submit} noValidate aria-label="Respond to the concern" className="max-w-3xl space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">Handle and respond</h2>
      {conflict && (
        <Alert>
          Someone else changed this concern.{" "}
          <button type="button" className="font-medium underline" onClick={onReload}>
            Reload
          </button>
        </Alert>
      )}
      {save.isError && !conflict && !(isApiError(save.error) && save.error.issues.length) && (
        <Alert>{errorMessage(save.error)}</Alert>
      )}
      <SelectField
        label="Status"
        className="w-56"
        value={status}
        onChange={(e) => setStatus(e.target.value as ConcernStatus)}
        errors={errors.status}
        options={options}
      />
      <TextAreaField
        label="Response to the reporter"
        rows={5}
        value={response}
        onChange={(e) => setResponse(e.target.value)}
        errors={errors.response}
        hint={
          concern.anonymous
            ? "The reporter is anonymous and cannot read the response here; it still documents how the concern was handled."
            : "The reporter can read this. Needed to resolve or dismiss the concern."
        }
      />
      <Button type="submit" variant="primary" busy={save.isPending}>
        Save
      </Button>
    </form>
  );
}
