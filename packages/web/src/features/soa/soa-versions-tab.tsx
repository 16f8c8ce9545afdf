import { useState } from "react";
import { soaApi, type SoaVersionSummary, type SoaView } from "../../api";
import { Button, buttonClass } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { TextField } from "../../components/form-controls";
import { QueryView } from "../../components/query-view";
import { Alert, EmptyState, FormErrorAlert } from "../../components/states";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { useSoaDiff, useSoaMutation, useSoaVersion, useSoaVersions } from "./queries";
import { applicableText, shortDate, StatusBadge, VersionStatusBadge } from "./soa-labels";

function CreateVersion({ orgId, soa }: { orgId: string; soa: SoaView }) {
  const [note, setNote] = useState("");
  const create = useSoaMutation(orgId, () => soaApi.createVersion(orgId, note));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(undefined, { onSuccess: () => setNote("") });
      }}
    >
      <TextField
        label="Note for the reviewers (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Freeze a new version
      </Button>
      {soa.summary.undecided > 0 && (
        <p className="w-full text-sm text-amber-900">
          {soa.summary.undecided} controls are still undecided; they will be frozen as undecided.
        </p>
      )}
      <div className="w-full">
        <FormErrorAlert mutation={create} />
      </div>
    </form>
  );
}

function Decide({ orgId, v }: { orgId: string; v: SoaVersionSummary }) {
  const decide = useSoaMutation(orgId, (decision: "approve" | "reject") =>
    soaApi.decide(orgId, v.number, decision, { version: v.version }),
  );
  return (
    <div className="flex flex-wrap gap-2">
      {v.abilities.approve && (
        <Button
          size="sm"
          variant="primary"
          disabled={decide.isPending}
          onClick={() => decide.mutate("approve")}
        >
          Approve
        </Button>
      )}
      {v.abilities.reject && (
        <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate("reject")}>
          Reject
        </Button>
      )}
      {!v.abilities.approve && v.abilities.reject && (
        <span className="text-xs text-slate-600">You froze it, so someone else approves it.</span>
      )}
      <FormErrorAlert mutation={decide} />
    </div>
  );
}

function VersionDialog({ orgId, n, onClose }: { orgId: string; n: number; onClose: () => void }) {
  const q = useSoaVersion(orgId, n);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`SoA version ${n}`} wide>
      <QueryView query={q} loadingLabel="Loading the version…">
        {(v) => (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              <VersionStatusBadge status={v.status} /> Frozen {shortDate(v.createdAt)} by{" "}
              {v.createdByName ?? "—"}
              {v.decidedAt && `; decided ${shortDate(v.decidedAt)} by ${v.decidedByName ?? "—"}`}.{" "}
              {v.summary.applicable} applicable, {v.summary.notApplicable} not applicable,{" "}
              {v.summary.undecided} undecided.
            </p>
            <Table caption={`SoA version ${n}`}>
              <TableHead
                columns={["Control", "Applicable", "Status", "Owner", "Evidence", "Justification"]}
              />
              <TableBody>
                {v.entries.map((e) => (
                  <tr key={e.controlId}>
                    <Td>{e.kind === "annex_a" ? `${e.controlId} ${e.title}` : e.title}</Td>
                    <Td>{applicableText(e.applicable)}</Td>
                    <Td>
                      <StatusBadge status={e.implementationStatus} />
                    </Td>
                    <Td>{e.ownerName ?? "—"}</Td>
                    <Td>{e.evidence.length}</Td>
                    <Td className="max-w-xs">{e.justification}</Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryView>
    </Dialog>
  );
}

const fieldLabels: Record<string, string> = {
  applicable: "Applicable",
  justification: "Justification",
  implementationStatus: "Status",
  owner: "Owner",
  notes: "Notes",
};
const linkLabels: Record<string, string> = {
  appliedControls: "Applied controls",
  evidence: "Evidence",
  documents: "Documents",
};
const shown = (v: string | boolean | null) =>
  v === null || v === "" ? "—" : typeof v === "boolean" ? (v ? "Yes" : "No") : v;

function DiffDialog({
  orgId,
  n,
  against,
  onClose,
}: {
  orgId: string;
  n: number;
  against: number;
  onClose: () => void;
}) {
  const q = useSoaDiff(orgId, n, against);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Changes from version ${against} to ${n}`} wide>
      <QueryView query={q} loadingLabel="Comparing…">
        {(d) =>
          d.added.length + d.removed.length + d.changed.length === 0 ? (
            <p className="text-sm text-slate-700">No changes.</p>
          ) : (
            <div className="space-y-4 text-sm">
              {d.added.map((c) => (
                <p key={`+${c.controlId}`}>
                  <span className="font-medium text-green-800">Added:</span> {c.title}
                </p>
              ))}
              {d.removed.map((c) => (
                <p key={`-${c.controlId}`}>
                  <span className="font-medium text-red-800">Removed:</span> {c.title}
                </p>
              ))}
              {d.changed.map((c) => (
                <div key={c.controlId}>
                  <h3 className="font-semibold text-slate-900">
                    {c.controlId.startsWith("A.") ? `${c.controlId} ` : ""}
                    {c.title}
                  </h3>
                  <dl className="mt-1 space-y-1">
                    {c.fields.map((f) => (
                      <div key={f.field} className="grid grid-cols-[8rem_1fr] gap-2">
                        <dt className="text-slate-600">{fieldLabels[f.field]}</dt>
                        <dd>
                          <del className="text-red-800">{shown(f.before)}</del> →{" "}
                          <ins className="text-green-800 no-underline">{shown(f.after)}</ins>
                        </dd>
                      </div>
                    ))}
                    {c.links.map((l) => (
                      <div key={l.kind} className="grid grid-cols-[8rem_1fr] gap-2">
                        <dt className="text-slate-600">{linkLabels[l.kind]}</dt>
                        <dd>
                          {l.added
                            .map((x) => `+ ${x.label}`)
                            .concat(l.removed.map((x) => `− ${x.label}`))
                            .join("; ")}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </div>
          )
        }
      </QueryView>
    </Dialog>
  );
}

/** Frozen versions: freeze the working state, approve (four-eyes) or reject, view one, compare with the previous. */
export function SoaVersionsTab({ orgId, soa }: { orgId: string; soa: SoaView }) {
  const versions = useSoaVersions(orgId);
  const [viewing, setViewing] = useState<number | null>(null);
  const [diffing, setDiffing] = useState<number | null>(null);
  return (
    <div className="space-y-6">
      {soa.abilities.createVersion && <CreateVersion orgId={orgId} soa={soa} />}
      {!soa.approvedVersion && <Alert tone="info">No version has been approved yet.</Alert>}
      <QueryView
        query={versions}
        loadingLabel="Loading versions…"
        isEmpty={(p) => p.items.length === 0}
        empty={
          <EmptyState title="No versions yet">Freeze the working state to send it for approval.</EmptyState>
        }
      >
        {(page) => (
          <Table caption="SoA versions">
            <TableHead columns={["Version", "Status", "Frozen", "Decided", "Note", ""]} />
            <TableBody>
              {page.items.map((v) => (
                <tr key={v.number}>
                  <Td className="font-medium">{v.number}</Td>
                  <Td>
                    <VersionStatusBadge status={v.status} />
                  </Td>
                  <Td>
                    {shortDate(v.createdAt)} · {v.createdByName ?? "—"}
                  </Td>
                  <Td>{v.decidedAt ? `${shortDate(v.decidedAt)} · ${v.decidedByName ?? "—"}` : ""}</Td>
                  <Td className="max-w-xs">{v.decisionNote || v.note}</Td>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      <Button size="sm" onClick={() => setViewing(v.number)}>
                        View
                      </Button>
                      {v.number > 1 && (
                        <Button size="sm" onClick={() => setDiffing(v.number)}>
                          Changes since {v.number - 1}
                        </Button>
                      )}
                      <a
                        className={buttonClass("ghost", "sm")}
                        href={soaApi.exportUrl(orgId, "xlsx", v.number)}
                        download
                      >
                        XLSX
                      </a>
                      {v.status === "in_review" && <Decide orgId={orgId} v={v} />}
                    </div>
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryView>
      {viewing !== null && <VersionDialog orgId={orgId} n={viewing} onClose={() => setViewing(null)} />}
      {diffing !== null && (
        <DiffDialog orgId={orgId} n={diffing} against={diffing - 1} onClose={() => setDiffing(null)} />
      )}
    </div>
  );
}
