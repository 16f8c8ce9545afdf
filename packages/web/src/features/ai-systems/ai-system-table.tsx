import { Link } from "@tanstack/react-router";
import type { AiSystemView } from "../../api";
import { Badge } from "../../components/badge";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { formatDate } from "../../lib/format";
import { aiTypeLabel, lifecycleLabel } from "./ai-system-fields";

export function AiSystemTable({ orgId, items }: { orgId: string; items: AiSystemView[] }) {
  return (
    <Table caption="AI systems">
      <TableHead columns={["Name", "Lifecycle stage", "AI type", "Owner", "Business unit", "Updated"]} />
      <TableBody className="bg-white">
        {items.map((s) => (
          <tr key={s.id} className="hover:bg-slate-50">
            <Td>
              <Link
                to="/orgs/$orgId/ai-systems/$systemId"
                params={{ orgId, systemId: s.id }}
                className={rowLinkClass}
              >
                {s.name}
              </Link>
              {s.archivedAt && (
                <span className="ml-2">
                  <Badge tone="amber">Archived</Badge>
                </span>
              )}
              {s.purpose && <p className="mt-0.5 line-clamp-1 text-xs text-slate-600">{s.purpose}</p>}
            </Td>
            <Td>{lifecycleLabel(s.lifecycleStage)}</Td>
            <Td>{aiTypeLabel(s.aiType)}</Td>
            <Td>{s.ownerName ?? "—"}</Td>
            <Td>{s.businessUnit || "—"}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={s.updatedAt}>{formatDate(s.updatedAt)}</time>
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
