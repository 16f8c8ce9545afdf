import { Link } from "@tanstack/react-router";
import type { LinkView } from "@openaims/core";

/** Where each kind of record lives in the UI, for kinds whose pages are not in the typed route tree. */
const pathOf: Partial<Record<LinkView["type"], (orgId: string, id: string) => string>> = {
  document: (orgId, id) => `/orgs/${orgId}/documents/${id}`,
  evidence: (orgId, id) => `/orgs/${orgId}/evidence/${id}`,
  objective: (orgId, id) => `/orgs/${orgId}/objectives/${id}`,
  soa_entry: (orgId) => `/orgs/${orgId}/soa`,
  applied_control: (orgId) => `/orgs/${orgId}/soa`,
};

const linkClass = "text-blue-800 underline-offset-2 hover:underline";

/** The record a task is about, as a link to its page. */
export function TaskSubjectLink({ orgId, subject }: { orgId: string; subject: LinkView | null }) {
  if (!subject) return <span className="text-slate-500">—</span>;
  if (subject.type === "ai_system")
    return (
      <Link
        to="/orgs/$orgId/ai-systems/$systemId"
        params={{ orgId, systemId: subject.id }}
        className={linkClass}
      >
        {subject.label}
      </Link>
    );
  if (subject.type === "framework_node")
    return (
      <Link to="/orgs/$orgId/frameworks" params={{ orgId }} className={linkClass}>
        {subject.label}
      </Link>
    );
  const path = pathOf[subject.type]?.(orgId, subject.id);
  return path ? (
    <a href={path} className={linkClass}>
      {subject.label}
    </a>
  ) : (
    <span>{subject.label}</span>
  );
}
