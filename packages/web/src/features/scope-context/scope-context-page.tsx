import * as Tabs from "@radix-ui/react-tabs";
import { Tab, TabList } from "../../components/tabs";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { AiRolesTab } from "./ai-roles-tab";
import { IssuesTab } from "./issues-tab";
import { PartiesTab } from "./parties-tab";
import { ScopeTab } from "./scope-tab";

const route = getRouteApi("/orgs/$orgId/scope");
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
        <TabList aria-label="Scope and context sections">
          {tabs.map(([value, label]) => (
            <Tab key={value} value={value}>
              {label}
            </Tab>
          ))}
        </TabList>
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
