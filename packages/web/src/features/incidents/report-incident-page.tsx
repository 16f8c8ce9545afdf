import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import {
  emptySeriousIncidentAnswers,
  incidentHarmTypeLabels,
  incidentHarmTypes,
  incidentSeverities,
  incidentSeverityLabels,
  ReportIncidentInput,
  type IncidentHarmType,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { incidentsApi, isApiError } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { useAiSystemChoices } from "../../components/link-picker";
import { PageHeader } from "../../components/page-header";
import { Alert, errorMessage } from "../../components/states";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { SeriousIncidentQuestions } from "./serious-questions";
import { useAfterIncidentWrite } from "./queries";

const route = getRouteApi("/orgs/$orgId/incidents/report");
const today = () => new Date().toISOString().slice(0, 10);

/** Report an AI incident: what happened, when you became aware, the harm and the serious-incident test. */
export function ReportIncidentPage() {
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const systems = useAiSystemChoices(orgId);
  const after = useAfterIncidentWrite(orgId);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [occurredOn, setOccurredOn] = useState("");
  const [becameAwareOn, setBecameAwareOn] = useState(today());
  const [severity, setSeverity] = useState("medium");
  const [role, setRole] = useState("provider");
  const [harmTypes, setHarmTypes] = useState<IncidentHarmType[]>([]);
  const [aiSystemIds, setAiSystemIds] = useState<string[]>([]);
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
      title,
      description,
      occurredOn: occurredOn || null,
      becameAwareOn,
      severity,
      role,
      harmTypes,
      aiSystemIds,
      seriousIncident: answers,
    });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    report.mutate(parsed.data);
  };
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
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
        <TextField
          label="What happened (one line)"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errors.title}
          aria-required="true"
        />
        <TextAreaField
          label="Details"
          rows={5}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          errors={errors.description}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Became aware on"
            type="date"
            value={becameAwareOn}
            onChange={(e) => setBecameAwareOn(e.target.value)}
            errors={errors.becameAwareOn}
            hint="Day 0 of the reporting clocks; the deadline is the end of the last day."
            aria-required="true"
          />
          <TextField
            label="Occurred on (if known)"
            type="date"
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
            errors={errors.occurredOn}
          />
          <SelectField
            label="Severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value)}
            errors={errors.severity}
            options={incidentSeverities.map((s) => ({ value: s, label: incidentSeverityLabels[s] }))}
          />
          <SelectField
            label="Our role for the AI system"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            errors={errors.role}
            hint="A deployer must inform the provider immediately; a provider reports to the authority."
            options={[
              { value: "provider", label: "Provider" },
              { value: "deployer", label: "Deployer" },
            ]}
          />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">Harm</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {incidentHarmTypes.map((h) => (
              <Checkbox
                key={h}
                label={incidentHarmTypeLabels[h]}
                checked={harmTypes.includes(h)}
                onChange={(e) => setHarmTypes(toggle(harmTypes, h, e.target.checked))}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">AI systems involved</legend>
          {systems.isPending && <p className="text-sm text-slate-600">Loading…</p>}
          <div className="grid gap-2 sm:grid-cols-2">
            {(systems.data?.items ?? []).map((s) => (
              <Checkbox
                key={s.id}
                label={s.name}
                checked={aiSystemIds.includes(s.id)}
                onChange={(e) => setAiSystemIds(toggle(aiSystemIds, s.id, e.target.checked))}
              />
            ))}
          </div>
          {errors.aiSystemIds && <p className="text-sm text-red-800">{errors.aiSystemIds.join(" ")}</p>}
        </fieldset>
        <SeriousIncidentQuestions answers={answers} onChange={setAnswers} />
        <Button type="submit" variant="primary" busy={report.isPending}>
          Report incident
        </Button>
      </form>
    </>
  );
}
