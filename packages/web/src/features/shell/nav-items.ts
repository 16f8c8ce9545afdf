import type { LucideIcon } from "lucide-react";
import type { Permission } from "@openaims/core";
import {
  BadgeCheck,
  BookOpen,
  Bot,
  Boxes,
  Database,
  Handshake,
  ClipboardCheck,
  FileText,
  Gauge,
  History,
  Inbox,
  KeyRound,
  LayoutDashboard,
  ListChecks,
  ListTodo,
  Megaphone,
  Scale,
  ShieldAlert,
  ShieldCheck,
  Siren,
  Target,
  Users,
  UserCog,
  Globe2,
  Network,
  Library,
  Gavel,
  GraduationCap,
  CalendarClock,
} from "lucide-react";

export type NavTarget =
  | "/orgs/$orgId"
  | "/orgs/$orgId/ai-systems"
  | "/orgs/$orgId/models"
  | "/orgs/$orgId/datasets"
  | "/orgs/$orgId/vendors"
  | "/orgs/$orgId/frameworks"
  | "/orgs/$orgId/scope"
  | "/orgs/$orgId/responsibilities"
  | "/orgs/$orgId/documents"
  | "/orgs/$orgId/soa"
  | "/orgs/$orgId/applied-controls"
  | "/orgs/$orgId/objectives"
  | "/orgs/$orgId/training"
  | "/orgs/$orgId/concerns/report"
  | "/orgs/$orgId/concerns"
  | "/orgs/$orgId/incidents"
  | "/orgs/$orgId/impact-assessments"
  | "/orgs/$orgId/tasks"
  | "/orgs/$orgId/readiness"
  | "/orgs/$orgId/eu-ai-act"
  | "/orgs/$orgId/obligations"
  | "/orgs/$orgId/evidence"
  | "/orgs/$orgId/settings/members"
  | "/orgs/$orgId/settings/roles"
  | "/orgs/$orgId/settings/api-tokens"
  | "/orgs/$orgId/settings/audit-trail";

export type NavItem =
  /** `permission`: shown only to members who hold it */
  | { label: string; icon: LucideIcon; to: NavTarget; exact?: boolean; permission?: Permission }
  | { label: string; icon: LucideIcon; comingSoon: true };

/** The AIMS areas in the order the standard walks through them; later ones arrive in later releases. */
export const aimsNav: NavItem[] = [
  { label: "Dashboard", icon: LayoutDashboard, to: "/orgs/$orgId", exact: true },
  { label: "Tasks", icon: ListTodo, to: "/orgs/$orgId/tasks" },
  { label: "AI systems", icon: Bot, to: "/orgs/$orgId/ai-systems" },
  { label: "Models", icon: Boxes, to: "/orgs/$orgId/models" },
  { label: "Datasets", icon: Database, to: "/orgs/$orgId/datasets" },
  { label: "Vendors", icon: Handshake, to: "/orgs/$orgId/vendors" },
  { label: "Frameworks", icon: Library, to: "/orgs/$orgId/frameworks" },
  { label: "Readiness", icon: BadgeCheck, to: "/orgs/$orgId/readiness" },
  { label: "EU AI Act classifier", icon: Gavel, to: "/orgs/$orgId/eu-ai-act" },
  {
    label: "EU AI Act obligations",
    icon: CalendarClock,
    to: "/orgs/$orgId/obligations",
    permission: "ai_system.read",
  },
  { label: "Scope & context", icon: Globe2, to: "/orgs/$orgId/scope" },
  { label: "Responsibilities", icon: Network, to: "/orgs/$orgId/responsibilities" },
  { label: "Policies & documents", icon: FileText, to: "/orgs/$orgId/documents" },
  { label: "Statement of Applicability", icon: ListChecks, to: "/orgs/$orgId/soa" },
  { label: "Applied controls", icon: ShieldCheck, to: "/orgs/$orgId/applied-controls" },
  { label: "Risks", icon: ShieldAlert, comingSoon: true },
  { label: "Impact assessments", icon: Scale, to: "/orgs/$orgId/impact-assessments" },
  { label: "Objectives", icon: Target, to: "/orgs/$orgId/objectives" },
  { label: "Training & AI literacy", icon: GraduationCap, to: "/orgs/$orgId/training" },
  { label: "Incidents", icon: Siren, to: "/orgs/$orgId/incidents" },
  { label: "Evidence", icon: BookOpen, to: "/orgs/$orgId/evidence" },
  { label: "Audits", icon: ClipboardCheck, comingSoon: true },
  { label: "Management review", icon: Gauge, comingSoon: true },
  { label: "Report a concern", icon: Megaphone, to: "/orgs/$orgId/concerns/report" },
  { label: "Concerns", icon: Inbox, to: "/orgs/$orgId/concerns", exact: true, permission: "concern.manage" },
];

export const settingsNav: NavItem[] = [
  { label: "Members", icon: Users, to: "/orgs/$orgId/settings/members" },
  { label: "Roles", icon: UserCog, to: "/orgs/$orgId/settings/roles" },
  { label: "API tokens", icon: KeyRound, to: "/orgs/$orgId/settings/api-tokens" },
  { label: "Audit trail", icon: History, to: "/orgs/$orgId/settings/audit-trail" },
];
