import { useState } from "react";
import type { DocumentView } from "../../api";
import { SelectField } from "../../components/form-controls";
import { LineDiffView } from "../../components/line-diff-view";
import { QueryView } from "../../components/query-view";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { formatDate } from "../../lib/format";
import { StatusBadge } from "./document-labels";
import { useDocumentDiff } from "./queries";

/** Every version with its workflow stamps, and a line diff between any two. */
export function VersionsPanel({ orgId, doc }: { orgId: string; doc: DocumentView }) {
  const numbers = doc.versions.map((v) => v.number).sort((a, b) => a - b);
  const [to, setTo] = useState(doc.latestVersion);
  const [from, setFrom] = useState(Math.max(1, doc.latestVersion - 1));
  const canCompare = numbers.length > 1 && from !== to;
  const diff = useDocumentDiff(orgId, doc.id, from, to, canCompare);
  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));
  return (
    <div className="space-y-8">
      <Table caption="Versions">
        <TableHead columns={["Version", "Status", "Author", "Approved", "Published", "Change"]} />
        <TableBody className="bg-white">
          {doc.versions.map((v) => (
            <tr key={v.number}>
              <Td className="font-medium">{v.number}</Td>
              <Td>
                <StatusBadge status={v.status} />
              </Td>
              <Td>{v.author?.name ?? "—"}</Td>
              <Td>{v.approvedBy ? `${v.approvedBy.name}, ${formatDate(v.approvedAt)}` : "—"}</Td>
              <Td>{formatDate(v.publishedAt)}</Td>
              <Td>
                {v.changeSummary || "—"}
                {v.reviewComment && v.status === "draft" && (
                  <p className="mt-0.5 text-xs text-slate-600">Sent back: {v.reviewComment}</p>
                )}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
      <section aria-label="Compare versions" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Compare versions</h2>
        {numbers.length < 2 ? (
          <p className="text-sm text-slate-700">There is only one version so far.</p>
        ) : (
          <>
            <div className="grid max-w-md grid-cols-2 gap-3">
              <SelectField
                label="From"
                value={String(from)}
                onChange={(e) => setFrom(Number(e.target.value))}
                options={options}
              />
              <SelectField
                label="To"
                value={String(to)}
                onChange={(e) => setTo(Number(e.target.value))}
                options={options}
              />
            </div>
            {from === to ? (
              <p className="text-sm text-slate-700">Choose two different versions.</p>
            ) : (
              <QueryView query={diff} loadingLabel="Comparing…">
                {(d) => (
                  <>
                    <p className="text-sm text-slate-700">
                      {d.added} {d.added === 1 ? "line" : "lines"} added, {d.removed}{" "}
                      {d.removed === 1 ? "line" : "lines"} removed.
                    </p>
                    <LineDiffView lines={d.lines} />
                  </>
                )}
              </QueryView>
            )}
          </>
        )}
      </section>
    </div>
  );
}
