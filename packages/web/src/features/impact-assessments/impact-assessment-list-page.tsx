import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { impactAssessmentStatuses } from "@openaims/core";
import { aiSystemsApi } from "../../api";
import { impactAssessmentsApi } from "../../api/impact-assessments";
import { Button } from "../../components/button";
import { FormDialog } from "../../components/dialog";
import { SelectField, TextField } from "../../components/form-controls";
import { PageHeader } from "../../components/page-header";
import { CursorPager } from "../../components/pager";
import { QueryView, RefetchingRegion } from "../../components/query-view";
import { EmptyState } from "../../components/states";
import { Table, TableBody, TableHead, Td, rowLinkClass } from "../../components/table";
import { useCursorPages } from "../../lib/use-cursor-pages";
import { AssessmentStatusBadge, ImpactLevelBadge } from "./assessment-badges";
import { useAfterAssessmentWrite, useImpactAssessmentList } from "./queries";

const route = getRouteApi("/orgs/$orgId/impact-assessments");

/** The impact assessments of the organization's AI systems (6.1.4, 8.4, A.5; FRIA). */
export function ImpactAssessmentListPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const pages = useCursorPages(JSON.stringify(search));
  const [creating, setCreating] = useState(false);
  const list = useImpactAssessmentList(orgId, { status: search.status, limit: 25, cursor: pages.cursor });
  return (
    <>
      <PageHeader
        title="Impact assessments"
        description="What each AI system does to individuals, groups and society, harm by harm, signed off by someone other than its authors. A FRIA adds the fundamental rights content of EU AI Act Art. 27."
        actions={
          list.data?.abilities.create && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New assessment
            </Button>
          )
        }
      />
      <SelectField
        label="Status"
        className="mb-4 w-48"
        value={search.status ?? ""}
        onChange={(e) =>
          void navigate({
            to: "/orgs/$orgId/impact-assessments",
            params: { orgId },
            search: { status: e.target.value || undefined },
            replace: true,
          })
        }
        options={[
          { value: "", label: "Any status" },
          ...impactAssessmentStatuses.map((s) => ({ value: s, label: s.replace("_", " ") })),
        ]}
      />
      <QueryView
        query={list}
        loadingLabel="Loading impact assessments…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No impact assessments yet" />}
      >
        {(d) => (
          <>
            <RefetchingRegion query={list}>
              <Table caption="Impact assessments">
                <TableHead
                  columns={["Assessment", "AI system", "Variant", "Status", "Residual impact", "Next review"]}
                />
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
                        {a.warnings.length > 0 && (
                          <span className="ml-2 text-xs text-amber-800">needs attention</span>
                        )}
                      </Td>
                      <Td>{a.aiSystemName}</Td>
                      <Td>{a.variant === "fria" ? "FRIA" : "Standard"}</Td>
                      <Td>
                        <AssessmentStatusBadge status={a.status} />
                      </Td>
                      <Td>
                        <ImpactLevelBadge rating={a.overallResidual} />
                      </Td>
                      <Td className="whitespace-nowrap">{a.nextReviewDate ?? "—"}</Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </RefetchingRegion>
            <CursorPager
              label="Impact assessment pages"
              pages={pages}
              page={d}
              busy={list.isPlaceholderData}
            />
          </>
        )}
      </QueryView>
      {creating && <NewAssessmentDialog orgId={orgId} onClose={() => setCreating(false)} />}
    </>
  );
}

function NewAssessmentDialog({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const systems = useQuery({
    queryKey: ["orgs", orgId, "ai-systems", "list", { limit: 200, sort: "name" }],
    queryFn: ({ signal }) => aiSystemsApi.list(orgId, { limit: 200, sort: "name" }, signal),
  });
  const [aiSystemId, setSystem] = useState("");
  const [variant, setVariant] = useState("");
  const [title, setTitle] = useState("");
  const after = useAfterAssessmentWrite(orgId);
  const create = useMutation({
    mutationFn: () =>
      impactAssessmentsApi.create(orgId, {
        aiSystemId,
        ...(variant ? { variant: variant as "standard" | "fria" } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
      }),
    onSuccess: async (a) => {
      await after();
      void navigate({
        to: "/orgs/$orgId/impact-assessments/$assessmentId",
        params: { orgId, assessmentId: a.id },
      });
    },
  });
  return (
    <FormDialog
      title="New impact assessment"
      mutation={create}
      onSubmit={() => create.mutate()}
      onClose={onClose}
      submitLabel="Create draft"
    >
      <SelectField
        label="AI system"
        value={aiSystemId}
        onChange={(e) => setSystem(e.target.value)}
        options={[
          { value: "", label: systems.isPending ? "Loading…" : "Choose a system" },
          ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <SelectField
        label="Variant"
        value={variant}
        onChange={(e) => setVariant(e.target.value)}
        hint="Automatic picks the FRIA when the system's EU AI Act classification requires one."
        options={[
          { value: "", label: "Automatic" },
          { value: "standard", label: "Standard impact assessment" },
          { value: "fria", label: "Fundamental rights impact assessment (FRIA)" },
        ]}
      />
      <TextField label="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} />
    </FormDialog>
  );
}
