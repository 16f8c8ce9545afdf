import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import {
  communicationRecipientLabels,
  communicationRecipients,
  incidentHarmTypeLabels,
  incidentStatusLabels,
  incidentTransitions,
  LogIncidentCommunicationInput,
  UpdateIncidentInput,
  type IncidentStatus,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { incidentsApi, isApiError, type IncidentDetailView } from "../../api";
import { Button } from "../../components/button";
import { SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { PageHeader, Section } from "../../components/page-header";
import { Alert, ErrorState, LoadingState, errorMessage } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDateTime } from "../../lib/format";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { DeadlineBadge, IncidentSeverityBadge, IncidentStatusBadge } from "./incident-badges";
import { EditIncidentForm } from "./edit-incident-form";
import { SeriousIncidentQuestions } from "./serious-questions";
import { useAfterIncidentWrite, useIncident } from "./queries";

const route = getRouteApi("/orgs/$orgId/incidents/$incidentId");

const outcomeText = {
  serious: "Serious incident",
  not_serious: "Not a serious incident",
  undetermined: "Not yet determined — answer every question",
};

export function IncidentDetailPage() {
  const { orgId, incidentId } = route.useParams();
  const query = useIncident(orgId, incidentId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const i = query.data;
  const canWrite = i.abilities.update === true;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-700">
        <Link to="/orgs/$orgId/incidents" params={{ orgId }} className="underline-offset-2 hover:underline">
          Incidents
        </Link>
      </nav>
      <PageHeader
        title={i.title}
        description={
          <span className="inline-flex gap-2">
            <IncidentStatusBadge status={i.status} /> <IncidentSeverityBadge severity={i.severity} />
          </span>
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-3 sm:grid-cols-4">
        {(
          [
            ["Became aware", i.becameAwareOn],
            ["Occurred", i.occurredOn ?? "—"],
            ["Our role", i.role === "provider" ? "Provider" : "Deployer"],
            ["AI systems", i.aiSystems.map((s) => s.name).join(", ") || "—"],
            ["Harm", i.harmTypes.map((h) => incidentHarmTypeLabels[h]).join(", ") || "—"],
            ["Reported by", i.reportedByName ?? "—"],
            ["Reported", formatDateTime(i.createdAt)],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{k}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {i.description && (
        <p className="mb-8 max-w-3xl text-sm whitespace-pre-line text-slate-900">{i.description}</p>
      )}

      <Section title="Reporting deadlines">
        <p className="mb-2 text-sm text-slate-800">
          {outcomeText[i.assessment.outcome]}
          {i.assessment.grounds.length > 0 && ` — Art. 3(49)(${i.assessment.grounds.join("), (")})`}
          {i.assessment.widespreadInfringement && " — widespread infringement"}.
        </p>
        {i.deadlines.length === 0 ? (
          <p className="text-sm text-slate-700">No EU AI Act reporting clock runs for this incident.</p>
        ) : (
          <Table caption="Regulatory deadlines">
            <TableHead columns={["Duty", "Due (end of day)", "Countdown", "Basis"]} />
            <TableBody className="bg-white">
              {i.deadlines.map((d) => (
                <tr key={d.kind}>
                  <Td>{d.title}</Td>
                  <Td className="whitespace-nowrap">{d.dueAt}</Td>
                  <Td>
                    <DeadlineBadge deadline={d} />
                  </Td>
                  <Td className="whitespace-nowrap">{d.basis}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      {canWrite && i.status !== "closed" && (
        <EditIncidentForm key={`e${i.version}`} orgId={orgId} incident={i} />
      )}
      <AnswersForm key={`a${i.version}`} orgId={orgId} incident={i} canWrite={canWrite} />
      {canWrite && (
        <StatusForm key={`s${i.version}`} orgId={orgId} incident={i} onReload={() => void query.refetch()} />
      )}
      {!canWrite && i.resolution && (
        <Section title="Resolution">
          <p className="text-sm whitespace-pre-line text-slate-800">{i.resolution}</p>
        </Section>
      )}
      <CommunicationLog orgId={orgId} incident={i} />
    </>
  );
}

function AnswersForm({
  orgId,
  incident,
  canWrite,
}: {
  orgId: string;
  incident: IncidentDetailView;
  canWrite: boolean;
}) {
  const [answers, setAnswers] = useState<SeriousIncidentAnswers>(incident.seriousIncident);
  const after = useAfterIncidentWrite(orgId);
  const save = useMutation({
    mutationFn: () =>
      incidentsApi.update(orgId, incident.id, { seriousIncident: answers, version: incident.version }),
    onSuccess: () => after(incident.id),
  });
  const dirty = JSON.stringify(answers) !== JSON.stringify(incident.seriousIncident);
  return (
    <div className="mb-8 max-w-3xl space-y-3">
      {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
      <SeriousIncidentQuestions answers={answers} onChange={canWrite ? setAnswers : undefined} />
      {canWrite && dirty && (
        <Button variant="primary" busy={save.isPending} onClick={() => save.mutate()}>
          Save answers
        </Button>
      )}
    </div>
  );
}

function StatusForm({
  orgId,
  incident,
  onReload,
}: {
  orgId: string;
  incident: IncidentDetailView;
  onReload: () => void;
}) {
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [resolution, setResolution] = useState(incident.resolution);
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterIncidentWrite(orgId);
  const save = useMutation({
    mutationFn: (body: UpdateIncidentInput) => incidentsApi.update(orgId, incident.id, body),
    onSuccess: () => after(incident.id),
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateIncidentInput.safeParse({ status, resolution, version: incident.version });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    save.mutate(parsed.data);
  };
  const conflict = isApiError(save.error) && save.error.code === "conflict";
  return (
    <form onSubmit={submit} noValidate aria-label="Handle the incident" className="mb-8 max-w-3xl space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">Handle the incident</h2>
      {conflict && (
        <Alert>
          Someone else changed this incident.{" "}
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
        onChange={(e) => setStatus(e.target.value as IncidentStatus)}
        errors={errors.status}
        options={[incident.status, ...incidentTransitions[incident.status]].map((s) => ({
          value: s,
          label: incidentStatusLabels[s],
        }))}
      />
      <TextAreaField
        label="Resolution"
        rows={4}
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
        errors={errors.resolution}
        hint="What was decided and done (cause, corrective action). Needed to resolve or close."
      />
      <Button type="submit" variant="primary" busy={save.isPending}>
        Save
      </Button>
    </form>
  );
}

function CommunicationLog({ orgId, incident }: { orgId: string; incident: IncidentDetailView }) {
  const [recipient, setRecipient] = useState("authority");
  const [recipientDetail, setRecipientDetail] = useState("");
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterIncidentWrite(orgId);
  const log = useMutation({
    mutationFn: (body: LogIncidentCommunicationInput) =>
      incidentsApi.logCommunication(orgId, incident.id, body),
    onSuccess: async () => {
      setSummary("");
      setRecipientDetail("");
      await after(incident.id);
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = LogIncidentCommunicationInput.safeParse({ recipient, recipientDetail, summary });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    log.mutate(parsed.data);
  };
  return (
    <Section title="Communication log">
      {incident.communications.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700">Nothing logged yet.</p>
      ) : (
        <Table caption="Communications">
          <TableHead columns={["Sent", "To", "By", "Summary"]} />
          <TableBody className="bg-white">
            {incident.communications.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap">{formatDateTime(c.sentAt)}</Td>
                <Td>
                  {communicationRecipientLabels[c.recipient]}
                  {c.recipientDetail && `: ${c.recipientDetail}`}
                </Td>
                <Td>{c.loggedByName ?? "—"}</Td>
                <Td className="whitespace-pre-line">{c.summary}</Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      {incident.abilities.log_communication && (
        <form
          onSubmit={submit}
          noValidate
          aria-label="Log a communication"
          className="mt-4 max-w-3xl space-y-3"
        >
          {log.isError && !(isApiError(log.error) && log.error.issues.length) && (
            <Alert>{errorMessage(log.error)}</Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="To"
              value={recipient}
              onChange={(e) => setRecipient(e.target.value)}
              errors={errors.recipient}
              options={communicationRecipients.map((r) => ({
                value: r,
                label: communicationRecipientLabels[r],
              }))}
            />
            <TextField
              label="Who exactly (optional)"
              value={recipientDetail}
              onChange={(e) => setRecipientDetail(e.target.value)}
              errors={errors.recipientDetail}
            />
          </div>
          <TextAreaField
            label="Summary"
            rows={3}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            errors={errors.summary}
            aria-required="true"
          />
          <Button type="submit" busy={log.isPending}>
            Log communication
          </Button>
        </form>
      )}
    </Section>
  );
}
