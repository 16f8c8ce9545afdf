import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import {
  emptySeriousIncidentAnswers,
  ReportIncidentInput,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { incidentsApi, isApiError } from "../../api";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/page-header";
import { Alert, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { IncidentFields, type IncidentFieldValues } from "./incident-fields";
import { SeriousIncidentQuestions } from "./serious-questions";
import { useAfterIncidentWrite } from "./queries";

const route = getRouteApi("/orgs/$orgId/incidents/report");
const today = () => new Date().toISOString().slice(0, 10);

/** Report an AI incident: what happened, when you became aware, the harm and the serious-incident test. */
export function ReportIncidentPage() {
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const after = useAfterIncidentWrite(orgId);
  const [values, setValues] = useState<IncidentFieldValues>(() => ({
    title: "",
    description: "",
    occurredOn: "",
    becameAwareOn: today(),
    severity: "medium",
    role: "provider",
    harmTypes: [],
    aiSystemIds: [],
  }));
  const [answers, setAnswers] = useState<SeriousIncidentAnswers>(emptySeriousIncidentAnswers);
  const [errors, setErrors] = useState<FieldErrors>({});
  const report = useMutation({
    mutationFn: (body: ReportIncidentInput) => incidentsApi.report(orgId, body),
    onSuccess: async (i) => {
      await after(i.id);
      await navigate({ to: "/orgs/$orgId/incidents/$incidentId", params: { orgId, incidentId: i.id } });
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ReportIncidentInput.safeParse({
      ...values,
      occurredOn: values.occurredOn || null,
      seriousIncident: answers,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    report.mutate(parsed.data);
  };
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link to="/orgs/$orgId/incidents" params={{ orgId }} className="underline-offset-2 hover:underline">
          Incidents
        </Link>
      </nav>
      <PageHeader
        title="Report an incident"
        description="Record it as soon as you know: for a serious incident the EU AI Act clocks start on the day you became aware."
      />
      <form onSubmit={submit} noValidate aria-label="Report an incident" className="max-w-3xl space-y-4">
        {report.isError && !(isApiError(report.error) && report.error.issues.length) && (
          <Alert>{errorMessage(report.error)}</Alert>
        )}
        <IncidentFields
          orgId={orgId}
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={errors}
          explain
        />
        <SeriousIncidentQuestions answers={answers} onChange={setAnswers} />
        <Button type="submit" variant="primary" busy={report.isPending}>
          Report incident
        </Button>
      </form>
    </>
  );
}
