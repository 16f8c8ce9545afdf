import * as Tabs from "@radix-ui/react-tabs";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { AiRolesTab } from "./ai-roles-tab";
import { IssuesTab } from "./issues-tab";
import { PartiesTab } from "./parties-tab";
import { ScopeTab } from "./scope-tab";

const route = getRouteApi("/orgs/$orgId/scope");
const tabClass =
  "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 data-[state=active]:border-blue-700 data-[state=active]:text-blue-900";

const tabs = [
  ["issues", "Issues"],
  ["parties", "Interested parties"],
  ["roles", "AI roles"],
  ["scope", "Scope"],
] as const;

/** Clauses 4.1–4.3: the context of the organization and the scope of its AIMS. */
export function ScopeContextPage() {
  useDocumentTitle("Scope & context");
  const { orgId } = route.useParams();
  const { tab = "issues" } = route.useSearch();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Scope & context"
        description="The issues that shape your AIMS, who has a stake in it and what they need, the AI roles you play, and the scope you have approved (ISO/IEC 42001 clauses 4.1–4.3)."
      />
      <Tabs.Root
        value={tab}
        onValueChange={(v) =>
          void navigate({
            to: "/orgs/$orgId/scope",
            params: { orgId },
            search: { tab: v as (typeof tabs)[number][0] },
            replace: true,
          })
        }
      >
        <Tabs.List
          aria-label="Scope and context sections"
          className="mb-4 flex gap-2 border-b border-slate-200"
        >
          {tabs.map(([value, label]) => (
            <Tabs.Trigger key={value} value={value} className={tabClass}>
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="issues">
          <IssuesTab orgId={orgId} />
        </Tabs.Content>
        <Tabs.Content value="parties">
          <PartiesTab orgId={orgId} />
        </Tabs.Content>
        <Tabs.Content value="roles">
          <AiRolesTab orgId={orgId} />
        </Tabs.Content>
        <Tabs.Content value="scope">
          <ScopeTab orgId={orgId} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
