import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { LoadingState } from "./components/states";
import { inventoryRoutes } from "./routes/inventory-routes";
import { orgRoute, requireMe, rootRoute, str } from "./routes/root-routes";
import { parseAiSystemListSearch } from "./features/ai-systems/list-search";
import { parseEvidenceListSearch } from "./features/evidence/list-search";
import { parseDocumentListSearch } from "./features/documents/list-search";
import { parseTasksSearch } from "./features/tasks/tasks-search";

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context, location }) => {
    const me = await requireMe(context.queryClient, location.href);
    const first = me.memberships[0];
    if (!first) throw redirect({ to: "/no-organization" });
    throw redirect({ to: "/orgs/$orgId", params: { orgId: first.orgId } });
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: lazyRouteComponent(() => import("./features/session/sign-in-page"), "SignInPage"),
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invitations/accept",
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: lazyRouteComponent(
    () => import("./features/session/accept-invitation-page"),
    "AcceptInvitationPage",
  ),
});

const noOrganizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "no-organization",
  component: lazyRouteComponent(
    () => import("./features/session/no-organization-page"),
    "NoOrganizationPage",
  ),
});

const dashboardRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/dashboard/dashboard-page"), "DashboardPage"),
});

const aiSystemsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "ai-systems",
  validateSearch: parseAiSystemListSearch,
  component: lazyRouteComponent(
    () => import("./features/ai-systems/ai-system-list-page"),
    "AiSystemListPage",
  ),
});

const aiSystemNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "ai-systems/new",
  component: lazyRouteComponent(() => import("./features/ai-systems/ai-system-new-page"), "AiSystemNewPage"),
});

const aiSystemDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "ai-systems/$systemId",
  validateSearch: (
    s: Record<string, unknown>,
  ): { tab?: "overview" | "history" | "measurements" | "classification" | "impact" } => ({
    tab:
      s.tab === "history" || s.tab === "measurements" || s.tab === "classification" || s.tab === "impact"
        ? s.tab
        : undefined,
  }),
  component: lazyRouteComponent(
    () => import("./features/ai-systems/ai-system-detail-page"),
    "AiSystemDetailPage",
  ),
});

const aiSystemEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "ai-systems/$systemId/edit",
  component: lazyRouteComponent(
    () => import("./features/ai-systems/ai-system-edit-page"),
    "AiSystemEditPage",
  ),
});

const measurementRunRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "measurement-runs/$runId",
  component: lazyRouteComponent(
    () => import("./features/measurements/measurement-run-page"),
    "MeasurementRunPage",
  ),
});

const frameworksRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "frameworks",
  component: lazyRouteComponent(() => import("./features/frameworks/frameworks-page"), "FrameworksPage"),
});

const scopeTabs = ["issues", "parties", "roles", "scope"] as const;
const scopeRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "scope",
  validateSearch: (s: Record<string, unknown>): { tab?: (typeof scopeTabs)[number] } => ({
    tab: scopeTabs.find((t) => t === s.tab),
  }),
  component: lazyRouteComponent(
    () => import("./features/scope-context/scope-context-page"),
    "ScopeContextPage",
  ),
});

const responsibilitiesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "responsibilities",
  component: lazyRouteComponent(() => import("./features/responsibilities/raci-page"), "RaciPage"),
});

const objectivesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "objectives",
  validateSearch: (s: Record<string, unknown>): { status?: string; archived?: boolean } => ({
    status: str(s.status),
    archived: s.archived === true || s.archived === "true" ? true : undefined,
  }),
  component: lazyRouteComponent(
    () => import("./features/objectives/objective-list-page"),
    "ObjectiveListPage",
  ),
});

const objectiveNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "objectives/new",
  component: lazyRouteComponent(() => import("./features/objectives/objective-new-page"), "ObjectiveNewPage"),
});

const objectiveDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "objectives/$objectiveId",
  component: lazyRouteComponent(
    () => import("./features/objectives/objective-detail-page"),
    "ObjectiveDetailPage",
  ),
});

const objectiveEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "objectives/$objectiveId/edit",
  component: lazyRouteComponent(
    () => import("./features/objectives/objective-edit-page"),
    "ObjectiveEditPage",
  ),
});

const trainingRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "training",
  component: lazyRouteComponent(() => import("./features/training/training-page"), "TrainingPage"),
});

const concernsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "concerns",
  validateSearch: (s: Record<string, unknown>): { status?: string } => ({ status: str(s.status) }),
  component: lazyRouteComponent(() => import("./features/concerns/concern-list-page"), "ConcernListPage"),
});

const concernReportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "concerns/report",
  component: lazyRouteComponent(() => import("./features/concerns/report-concern-page"), "ReportConcernPage"),
});

const concernDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "concerns/$concernId",
  component: lazyRouteComponent(() => import("./features/concerns/concern-detail-page"), "ConcernDetailPage"),
});

const incidentsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "incidents",
  validateSearch: (s: Record<string, unknown>): { status?: string } => ({ status: str(s.status) }),
  component: lazyRouteComponent(() => import("./features/incidents/incident-list-page"), "IncidentListPage"),
});

const incidentReportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "incidents/report",
  component: lazyRouteComponent(
    () => import("./features/incidents/report-incident-page"),
    "ReportIncidentPage",
  ),
});

const incidentDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "incidents/$incidentId",
  component: lazyRouteComponent(
    () => import("./features/incidents/incident-detail-page"),
    "IncidentDetailPage",
  ),
});

const impactAssessmentsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "impact-assessments",
  validateSearch: (s: Record<string, unknown>): { status?: string } => ({ status: str(s.status) }),
  component: lazyRouteComponent(
    () => import("./features/impact-assessments/impact-assessment-list-page"),
    "ImpactAssessmentListPage",
  ),
});

const impactAssessmentDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "impact-assessments/$assessmentId",
  component: lazyRouteComponent(
    () => import("./features/impact-assessments/impact-assessment-detail-page"),
    "ImpactAssessmentDetailPage",
  ),
});

const readinessRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "readiness",
  component: lazyRouteComponent(() => import("./features/readiness/readiness-page"), "ReadinessPage"),
});

const euAiActRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "eu-ai-act",
  component: lazyRouteComponent(
    () => import("./features/eu-ai-act/classifier-page"),
    "EuAiActClassifierPage",
  ),
});

const obligationsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "obligations",
  component: lazyRouteComponent(() => import("./features/eu-ai-act/obligations-page"), "ObligationsPage"),
});

const tasksRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "tasks",
  validateSearch: parseTasksSearch,
  component: lazyRouteComponent(() => import("./features/tasks/tasks-page"), "TasksPage"),
});

const documentsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "documents",
  validateSearch: parseDocumentListSearch,
  component: lazyRouteComponent(() => import("./features/documents/document-list-page"), "DocumentListPage"),
});

const documentDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "documents/$documentId",
  validateSearch: (s: Record<string, unknown>): { tab?: "edit" | "versions" | "links" } => ({
    tab: s.tab === "edit" || s.tab === "versions" || s.tab === "links" ? s.tab : undefined,
  }),
  component: lazyRouteComponent(
    () => import("./features/documents/document-detail-page"),
    "DocumentDetailPage",
  ),
});

const evidenceRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "evidence",
  validateSearch: parseEvidenceListSearch,
  component: lazyRouteComponent(() => import("./features/evidence/evidence-list-page"), "EvidenceListPage"),
});

const evidenceDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "evidence/$evidenceId",
  component: lazyRouteComponent(
    () => import("./features/evidence/evidence-detail-page"),
    "EvidenceDetailPage",
  ),
});

const soaRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "soa",
  validateSearch: (s: Record<string, unknown>): { tab?: "controls" | "versions" } => ({
    tab: s.tab === "controls" || s.tab === "versions" ? s.tab : undefined,
  }),
  component: lazyRouteComponent(() => import("./features/soa/soa-page"), "SoaPage"),
});

const appliedControlsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "applied-controls",
  component: lazyRouteComponent(
    () => import("./features/applied-controls/applied-control-list-page"),
    "AppliedControlListPage",
  ),
});

const appliedControlDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "applied-controls/$controlId",
  component: lazyRouteComponent(
    () => import("./features/applied-controls/applied-control-detail-page"),
    "AppliedControlDetailPage",
  ),
});

const membersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/members",
  component: lazyRouteComponent(() => import("./features/members/members-page"), "MembersPage"),
});

const rolesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/roles",
  component: lazyRouteComponent(() => import("./features/roles/roles-page"), "RolesPage"),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/api-tokens",
  component: lazyRouteComponent(() => import("./features/api-tokens/api-tokens-page"), "ApiTokensPage"),
});

const auditTrailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/audit-trail",
  component: lazyRouteComponent(() => import("./features/audit-trail/audit-trail-page"), "AuditTrailPage"),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  acceptInvitationRoute,
  noOrganizationRoute,
  orgRoute.addChildren([
    dashboardRoute,
    aiSystemsRoute,
    aiSystemNewRoute,
    aiSystemDetailRoute,
    aiSystemEditRoute,
    measurementRunRoute,
    frameworksRoute,
    scopeRoute,
    responsibilitiesRoute,
    objectivesRoute,
    objectiveNewRoute,
    objectiveDetailRoute,
    objectiveEditRoute,
    ...inventoryRoutes,
    trainingRoute,
    concernsRoute,
    concernReportRoute,
    concernDetailRoute,
    incidentsRoute,
    incidentReportRoute,
    incidentDetailRoute,
    impactAssessmentsRoute,
    impactAssessmentDetailRoute,
    documentsRoute,
    documentDetailRoute,
    tasksRoute,
    readinessRoute,
    euAiActRoute,
    obligationsRoute,
    evidenceRoute,
    evidenceDetailRoute,
    soaRoute,
    appliedControlsRoute,
    appliedControlDetailRoute,
    membersRoute,
    rolesRoute,
    apiTokensRoute,
    auditTrailRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPendingMs: 300,
    defaultPendingComponent: () => <LoadingState />,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
