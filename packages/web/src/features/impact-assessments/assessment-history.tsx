import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { RecordAuthorityNotificationInput } from "@openaims/core";
import { isApiError } from "../../api";
import { impactAssessmentsApi, type ImpactAssessmentView } from "../../api/impact-assessments";
import { Button } from "../../components/button";
import { TextAreaField, TextField } from "../../components/form-controls";
import { Section } from "../../components/page-header";
import { FormErrorAlert, LoadingState } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { groupIssues, issuesFromZod, type FieldErrors } from "../../lib/field-errors";
import { formatDateTime } from "../../lib/format";
import { ImpactLevelBadge } from "./assessment-badges";
import { HarmsEditor } from "./harms-editor";
import { useAfterAssessmentWrite, useImpactAssessmentVersion } from "./queries";
import { VersionCompare } from "./version-compare";

/** The frozen versions (what was submitted and what was signed off), newest first; one can be opened, two compared. */
export function VersionHistory({ orgId, assessment }: { orgId: string; assessment: ImpactAssessmentView }) {
  const [open, setOpen] = useState<number | null>(null);
  const version = useImpactAssessmentVersion(orgId, assessment.id, open);
  return (
    <Section title="Version history">
      {assessment.versions.length === 0 ? (
        <p className="text-sm text-slate-700">
          Nothing submitted yet: a version is frozen at each submission and approval.
        </p>
      ) : (
        <Table caption="Versions">
          <TableHead columns={["Version", "Status", "Revision", "By", "When", "Note", ""]} />
          <TableBody className="bg-white">
            {assessment.versions.map((v) => (
              <tr key={v.number}>
                <Td>v{v.number}</Td>
                <Td>{v.status}</Td>
                <Td>{v.revision}</Td>
                <Td>{v.createdByName ?? "—"}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(v.createdAt)}</Td>
                <Td>{v.note}</Td>
                <Td>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setOpen(open === v.number ? null : v.number)}
                  >
                    {open === v.number ? "Hide" : "View"}
                  </Button>
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      {open !== null && (
        <div className="mt-4 rounded-md border border-slate-300 p-4">
          {version.isPending ? (
            <LoadingState />
          ) : version.data ? (
            <>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">
                Version {version.data.number} ({version.data.status}): {version.data.title}
              </h3>
              <p className="mb-2 text-sm">
                Residual impact: <ImpactLevelBadge rating={version.data.summary.overallResidual} /> ·
                Decision: {version.data.content.decision.outcome ?? "—"}
              </p>
              <HarmsEditor harms={version.data.content.harms} issues={[]} controls={assessment.controls} />
            </>
          ) : null}
        </div>
      )}
      <VersionCompare key={assessment.versions.length} orgId={orgId} assessment={assessment} />
    </Section>
  );
}

/** The record of telling the market-surveillance authority about an approved FRIA (Art. 27(3)). */
export function AuthorityNotifications({
  orgId,
  assessment,
}: {
  orgId: string;
  assessment: ImpactAssessmentView;
}) {
  const [notifiedOn, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [authority, setAuthority] = useState("");
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const after = useAfterAssessmentWrite(orgId);
  const record = useMutation({
    mutationFn: (body: RecordAuthorityNotificationInput) =>
      impactAssessmentsApi.notify(orgId, assessment.id, body),
    onSuccess: async () => {
      setAuthority("");
      setReference("");
      setNote("");
      await after();
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setErrors(groupIssues(e.issues));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = RecordAuthorityNotificationInput.safeParse({ notifiedOn, authority, reference, note });
    if (!parsed.success) return setErrors(groupIssues(issuesFromZod(parsed.error)));
    setErrors({});
    record.mutate(parsed.data);
  };
  if (assessment.variant !== "fria") return null;
  return (
    <Section title="Notification of the authority (Art. 27(3))">
      <p className="mb-3 max-w-3xl text-sm text-slate-700">
        Once the FRIA is approved, the deployer tells the market-surveillance authority its results. Record
        each notification here; the record cannot be changed afterwards.
      </p>
      {assessment.notifications.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700">Not notified yet.</p>
      ) : (
        <Table caption="Authority notifications">
          <TableHead columns={["Notified on", "Authority", "Reference", "Version", "Recorded by", "Note"]} />
          <TableBody className="bg-white">
            {assessment.notifications.map((n) => (
              <tr key={n.id}>
                <Td className="whitespace-nowrap">{n.notifiedOn}</Td>
                <Td>{n.authority}</Td>
                <Td>{n.reference || "—"}</Td>
                <Td>v{n.versionNumber}</Td>
                <Td>{n.loggedByName ?? "—"}</Td>
                <Td>{n.note}</Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      {assessment.abilities.notify && (
        <form
          onSubmit={submit}
          noValidate
          aria-label="Record a notification"
          className="mt-4 grid max-w-3xl gap-3 sm:grid-cols-2"
        >
          <FormErrorAlert mutation={record} />
          <TextField
            type="date"
            label="Notified on"
            value={notifiedOn}
            onChange={(e) => setOn(e.target.value)}
            errors={errors.notifiedOn}
          />
          <TextField
            label="Authority"
            value={authority}
            onChange={(e) => setAuthority(e.target.value)}
            errors={errors.authority}
          />
          <TextField
            label="Reference (optional)"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            errors={errors.reference}
          />
          <TextAreaField
            label="Note (optional)"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            errors={errors.note}
          />
          <div>
            <Button type="submit" variant="primary" busy={record.isPending}>
              Record notification
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
