import type { TrainingCoverageView } from "../../api";
import { Table, TableBody, TableHead, Td } from "../../components/table";
import { TrainingStatusBadge } from "./training-status-badge";

/** Member × topic: each required cell in its status colour; a topic not required of a member shows its record or a dash. */
export function CoverageMatrix({ coverage }: { coverage: TrainingCoverageView }) {
  if (coverage.topics.length === 0)
    return (
      <p className="text-sm text-slate-700">
        No training topics yet. Add one under Topics to see the coverage.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <Table caption="Training coverage: members and topics">
        <TableHead
          columns={[
            "Member",
            "AI literacy (Art. 4)",
            ...coverage.topics.map((t) => (t.aiLiteracy ? `${t.name} · AI literacy` : t.name)),
          ]}
        />
        <TableBody className="bg-white">
          {coverage.members.map((m) => (
            <tr key={m.userId}>
              <Td>
                <div className="font-medium text-slate-900">{m.name}</div>
                <div className="text-xs text-slate-600">{m.email}</div>
              </Td>
              <Td>
                <TrainingStatusBadge status={m.aiLiteracy} />
              </Td>
              {m.cells.map((c) => (
                <Td key={c.topicId}>
                  {c.applies || c.status !== "missing" ? (
                    <span className="inline-flex flex-col items-start gap-0.5">
                      <TrainingStatusBadge status={c.status} />
                      {c.expiresOn && <span className="text-xs text-slate-600">until {c.expiresOn}</span>}
                      {!c.applies && <span className="text-xs text-slate-600">not required</span>}
                    </span>
                  ) : (
                    <span className="text-slate-500" aria-label="not required">
                      —
                    </span>
                  )}
                </Td>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function CoverageSummary({ coverage }: { coverage: TrainingCoverageView }) {
  const s = coverage.summary;
  const items: [string, string][] = [
    ["AI literacy (Art. 4)", `${s.aiLiteracyPercent} % (${s.aiLiteracyValid} of ${s.members})`],
    ["Expiring within 30 days", String(s.aiLiteracyExpiringSoon)],
    ["Hold every required topic", `${s.covered} of ${s.members}`],
    ["Required trainings missing or expired", String(s.required.missing + s.required.expired)],
  ];
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
