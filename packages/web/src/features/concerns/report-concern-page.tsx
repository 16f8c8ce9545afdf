import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { concernCategories, concernCategoryLabels, ReportConcernInput } from "@openaims/core";
import { concernsApi, isApiError, type ConcernView } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { useAiSystemChoices } from "../../components/link-picker";
import { PageHeader, Section } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Alert, errorMessage } from "../../components/states";
import { formatDateTime } from "../../lib/format";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { useCan } from "../session/use-me";
import { ConcernStatusBadge } from "./concern-status";
import { useAfterConcernWrite, useConcernList } from "./queries";

const route = getRouteApi("/orgs/$orgId/concerns/report");

interface Values {
  subject: string;
  description: string;
  category: string;
  aiSystemId: string;
  anonymous: boolean;
}
const empty: Values = { subject: "", description: "", category: "other", aiSystemId: "", anonymous: false };

/** Every member can raise a concern about an AI system or the management system (A.3.3). */
export function ReportConcernPage() {
  const { orgId } = route.useParams();
  const can = useCan(orgId);
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<ConcernView | null>(null);
  const after = useAfterConcernWrite(orgId);
  const systems = useAiSystemChoices(orgId);
  const mine = useConcernList(orgId, { mine: "true", limit: 50 });
  const report = useMutation({
    mutationFn: (body: ReportConcernInput) => concernsApi.report(orgId, body),
    onSuccess: async (c) => {
      setSent(c);
      setValues(empty);
      await after(c);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const set = <K extends keyof Values>(k: K, v: Values[K]) => setValues((x) => ({ ...x, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ReportConcernInput.safeParse({ ...values, aiSystemId: values.aiSystemId || null });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    setSent(null);
    report.mutate(parsed.data);
  };

  return (
    <>
      <PageHeader
        title="Report a concern"
        description="Tell the people responsible for AI governance about a problem with an AI system or with how AI is managed here."
        actions={
          can("concern.manage") && (
            <Link
              to="/orgs/$orgId/concerns"
              params={{ orgId }}
              className="text-sm font-medium text-blue-800 underline"
            >
              All reported concerns
            </Link>
          )
        }
      />
      {!can("concern.report") ? (
        <Alert>Your role does not allow reporting concerns here; ask an owner.</Alert>
      ) : (
        <form
          onSubmit={submit}
          noValidate
          aria-label="Report a concern"
          className="mb-10 max-w-3xl space-y-4"
        >
          <p className="text-sm text-slate-700">
            Only the organization's owners and governance leads can read what you write. Administrators and
            auditors cannot.
          </p>
          {sent && (
            <Alert tone="success">
              Thank you — your concern was received.{" "}
              {sent.anonymous
                ? "You reported it anonymously, so it is not linked to you and will not appear under your concerns."
                : "You can follow its status and the response below."}
            </Alert>
          )}
          {report.isError && !(isApiError(report.error) && report.error.issues.length) && (
            <Alert>{errorMessage(report.error)}</Alert>
          )}
          <TextField
            label="Subject"
            value={values.subject}
            onChange={(e) => set("subject", e.target.value)}
            errors={errors.subject}
            aria-required="true"
          />
          <TextAreaField
            label="What happened or what worries you"
            rows={6}
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
            errors={errors.description}
            aria-required="true"
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Category"
              value={values.category}
              onChange={(e) => set("category", e.target.value)}
              errors={errors.category}
              options={concernCategories.map((c) => ({ value: c, label: concernCategoryLabels[c] }))}
            />
            <SelectField
              label="AI system (optional)"
              value={values.aiSystemId}
              onChange={(e) => set("aiSystemId", e.target.value)}
              errors={errors.aiSystemId}
              options={[
                { value: "", label: systems.isPending ? "Loading…" : "Not about one system" },
                ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          </div>
          <Checkbox
            label="Report anonymously"
            description="Your name is not stored with the concern or in the audit trail — nobody, not even the governance lead, can see who sent it. You will not be able to follow it up here."
            checked={values.anonymous}
            onChange={(e) => set("anonymous", e.target.checked)}
          />
          <Button type="submit" variant="primary" busy={report.isPending}>
            Send concern
          </Button>
        </form>
      )}
      <Section title="My concerns">
        <QueryView
          query={mine}
          loadingLabel="Loading your concerns…"
          isEmpty={(d) => d.items.length === 0}
          empty={
            <p className="text-sm text-slate-700">You have not reported any concerns under your name.</p>
          }
        >
          {(d) => (
            <ul className="space-y-3">
              {d.items.map((c) => (
                <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-medium text-slate-900">{c.subject}</p>
                    <ConcernStatusBadge status={c.status} />
                  </div>
                  <p className="mt-1 text-xs text-slate-600">Reported {formatDateTime(c.createdAt)}</p>
                  {c.response && (
                    <div className="mt-2 rounded-md bg-slate-50 p-3 text-sm text-slate-800">
                      <p className="text-xs font-semibold text-slate-600 uppercase">Response</p>
                      <p className="whitespace-pre-line">{c.response}</p>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </Section>
    </>
  );
}
