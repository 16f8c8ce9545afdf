import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { impactAssessmentsApi } from "../../api/impact-assessments";
import { QueryView } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { AssessmentStatusBadge, ImpactLevelBadge } from "./assessment-badges";
import { impactAssessmentKeys } from "./queries";

/** The AI system page's "Impact assessments" tab: this system's assessments, newest first. */
export function SystemImpactAssessmentsTab({ orgId, systemId }: { orgId: string; systemId: string }) {
  const list = useQuery({
    queryKey: [...impactAssessmentKeys.all(orgId), "system", systemId],
    queryFn: ({ signal }) => impactAssessmentsApi.listForSystem(orgId, systemId, signal),
  });
  return (
    <QueryView
      query={list}
      loadingLabel="Loading impact assessments…"
      isEmpty={(d) => d.items.length === 0}
      empty={
        <EmptyState title="No impact assessment yet">
          <p>
            Start one from{" "}
            <Link to="/orgs/$orgId/impact-assessments" params={{ orgId }} className="underline">
              Impact assessments
            </Link>
            .
          </p>
        </EmptyState>
      }
    >
      {(d) => (
        <Table caption="Impact assessments of this system">
          <TableHead columns={["Assessment", "Variant", "Status", "Residual impact", "Next review"]} />
          <TableBody className="bg-white">
            {d.items.map((a) => (
              <tr key={a.id} className="hover:bg-slate-50">
                <Td>
                  <Link
                    to="/orgs/$orgId/impact-assessments/$assessmentId"
                    params={{ orgId, assessmentId: a.id }}
                    className={rowLinkClass}
                  >
                    {a.title}
                  </Link>
                </Td>
                <Td>{a.variant === "fria" ? "FRIA" : "Standard"}</Td>
                <Td>
                  <AssessmentStatusBadge status={a.status} />
                </Td>
                <Td>
                  <ImpactLevelBadge rating={a.overallResidual} />
                </Td>
                <Td>{a.nextReviewDate ?? "—"}</Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </QueryView>
  );
}
