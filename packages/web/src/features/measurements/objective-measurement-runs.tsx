import { Link } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { measurementTrendsApi } from "../../api";
import { Section } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { PolicyStatusBadge, when } from "./measurement-format";

/** The measurement runs linked to an objective (from the run's page), newest first. */
export function ObjectiveMeasurementRuns({ orgId, objectiveId }: { orgId: string; objectiveId: string }) {
  const runs = useQuery({
    queryKey: ["orgs", orgId, "objectives", objectiveId, "measurement-runs"],
    queryFn: ({ signal }) => measurementTrendsApi.objectiveRuns(orgId, objectiveId, signal),
  });
  return (
    <Section title="Measurement runs">
      <QueryView query={runs} loadingLabel="Loading linked measurement runs…">
        {(page) =>
          page.items.length === 0 ? (
            <p className="text-sm text-slate-700">
              No measurement run informs this objective yet (link one from the run&apos;s page).
            </p>
          ) : (
            <Table caption="Measurement runs linked to this objective, newest first">
              <TableHead columns={["Run", "Kind", "Policy", "Recorded"]} />
              <TableBody>
                {page.items.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <Link
                        to="/orgs/$orgId/measurement-runs/$runId"
                        params={{ orgId, runId: r.id }}
                        className={rowLinkClass}
                      >
                        {r.title}
                      </Link>
                    </Td>
                    <Td>{r.kind}</Td>
                    <Td>
                      <PolicyStatusBadge status={r.policyStatus} failed={r.failedRules} />
                    </Td>
                    <Td>{when.format(new Date(r.createdAt))}</Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryView>
    </Section>
  );
}
