import { Fragment, useState } from "react";
import { Link } from "@tanstack/react-router";
import type { SoaEntryView, SoaView } from "../../api";
import { Button } from "../../components/button";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { ApplicableBadge, StatusBadge } from "./soa-labels";
import { SoaEntryDialog } from "./soa-entry-dialog";

/** Every control, grouped by Annex A group (additional controls last), with an edit dialog per entry. */
export function SoaControlsTab({ orgId, soa }: { orgId: string; soa: SoaView }) {
  const [editing, setEditing] = useState<SoaEntryView | null>(null);
  const groups: { id: string; title: string; entries: SoaEntryView[] }[] = [];
  for (const e of soa.entries) {
    const last = groups.at(-1);
    if (last?.id === e.groupId) last.entries.push(e);
    else groups.push({ id: e.groupId, title: e.groupTitle, entries: [e] });
  }
  const canEdit = soa.abilities.update ?? false;
  const s = soa.summary;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {s.total} controls: {s.applicable} applicable, {s.notApplicable} not applicable, {s.undecided}{" "}
        undecided; {s.implemented} implemented.{" "}
        {s.gaps > 0 && (
          <span className="font-medium text-amber-900">
            {s.gaps} applicable {s.gaps === 1 ? "control lacks" : "controls lack"} a justification, an owner
            or current evidence.
          </span>
        )}
      </p>
      <Table caption="Statement of Applicability">
        <TableHead
          columns={[
            "Control",
            "Applicable",
            "Status",
            "Owner",
            "Applied controls",
            "Evidence",
            "Justification",
          ]}
          actions={canEdit}
        />
        <TableBody>
          {groups.map((g) => (
            <Fragment key={g.id}>
              <tr className="bg-slate-50">
                <th
                  colSpan={canEdit ? 8 : 7}
                  scope="colgroup"
                  className="px-3 py-2 text-left text-sm font-semibold text-slate-900"
                >
                  {g.id === "additional" ? g.title : `${g.id} ${g.title}`}
                </th>
              </tr>
              {g.entries.map((e) => (
                <tr key={e.controlId}>
                  <Td>
                    <span className="font-medium">{e.kind === "annex_a" ? `${e.controlId} ` : ""}</span>
                    {e.title}
                  </Td>
                  <Td>
                    <ApplicableBadge applicable={e.applicable} />
                  </Td>
                  <Td>
                    <StatusBadge status={e.implementationStatus} />
                  </Td>
                  <Td>{e.ownerName ?? <span className="text-slate-500">—</span>}</Td>
                  <Td>
                    {e.kind === "additional"
                      ? null
                      : e.appliedControls.map((c) => (
                          <Link
                            key={c.id}
                            to="/orgs/$orgId/applied-controls/$controlId"
                            params={{ orgId, controlId: c.id }}
                            className="block text-blue-800 underline"
                          >
                            {c.label}
                          </Link>
                        ))}
                  </Td>
                  <Td>
                    <span title={e.evidence.map((x) => x.label).join("\n")}>{e.evidence.length}</span>
                    {e.documents.length > 0 && (
                      <span className="ml-1 text-xs text-slate-600">+{e.documents.length} doc</span>
                    )}
                  </Td>
                  <Td className="max-w-xs text-slate-700">
                    <span className="line-clamp-2">{e.justification}</span>
                  </Td>
                  {canEdit && (
                    <Td>
                      <Button size="sm" onClick={() => setEditing(e)} aria-label={`Edit ${e.controlId}`}>
                        Edit
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
      {editing && (
        <SoaEntryDialog
          key={`${editing.controlId}-${editing.version}`}
          orgId={orgId}
          entry={editing}
          open
          onOpenChange={(open) => !open && setEditing(null)}
        />
      )}
    </div>
  );
}
