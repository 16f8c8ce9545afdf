import { can } from "../access/actor";
import { definePolicy } from "../access/policy";
import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import type { EuAiActRules, IncidentDeadlineKind, OperatorRole } from "../eu-ai-act/rules";
import { invalidInput, invalidState } from "../shared/domain-error";

/**
 * AI incidents (ISO/IEC 42001 A.8.4; EU AI Act Art. 73 and Art. 3(49)). An incident is recorded with what
 * happened, when it happened and when the organization became aware, the harm, a severity, the answers to the
 * Art. 3(49) serious-incident questions and a communication log. The regulatory clocks are computed, never stored:
 * they follow from the awareness date and the versioned EU AI Act rule data.
 */
export const incidentStatuses = ["reported", "investigating", "contained", "resolved", "closed"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentStatusLabels: Record<IncidentStatus, string> = {
  reported: "Reported",
  investigating: "Investigating",
  contained: "Contained",
  resolved: "Resolved",
  closed: "Closed",
};

/**
 * Where an incident may go next. Containment is optional (a harmless incident can be resolved directly); a
 * resolved or closed incident can be reopened for investigation when new facts appear.
 */
export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ["investigating", "contained", "resolved"],
  investigating: ["contained", "resolved"],
  contained: ["investigating", "resolved"],
  resolved: ["closed", "investigating"],
  closed: ["investigating"],
};

export const incidentSeverities = ["low", "medium", "high", "critical"] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];
export const incidentSeverityLabels: Record<IncidentSeverity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const incidentHarmTypes = [
  "death",
  "health",
  "critical_infrastructure",
  "fundamental_rights",
  "property",
  "environment",
  "financial",
  "reputational",
  "none",
  "other",
] as const;
export type IncidentHarmType = (typeof incidentHarmTypes)[number];
export const incidentHarmTypeLabels: Record<IncidentHarmType, string> = {
  death: "Death of a person",
  health: "Harm to a person's health",
  critical_infrastructure: "Disruption of critical infrastructure",
  fundamental_rights: "Fundamental rights",
  property: "Damage to property",
  environment: "Harm to the environment",
  financial: "Financial loss",
  reputational: "Reputational harm",
  none: "No harm (near miss)",
  other: "Other",
};

/** The organization's role for the system involved: it decides whose clock runs (Art. 73 vs Art. 26(5)). */
export const incidentOperatorRoles = ["provider", "deployer"] as const satisfies readonly OperatorRole[];
export type IncidentOperatorRole = (typeof incidentOperatorRoles)[number];

export const communicationRecipients = [
  "provider",
  "authority",
  "affected_people",
  "customers",
  "other",
] as const;
export type CommunicationRecipient = (typeof communicationRecipients)[number];
export const communicationRecipientLabels: Record<CommunicationRecipient, string> = {
  provider: "Provider",
  authority: "Authority",
  affected_people: "Affected people",
  customers: "Customers",
  other: "Other",
};

// ─── Art. 3(49): the serious-incident test ────────────────────────────────────────────────────────────────────

/**
 * The explicit answers the serious-incident test runs on. `null` means "not answered yet". Each harm question
 * asks whether the incident or malfunctioning of the AI system led to it, directly or indirectly.
 */
export interface SeriousIncidentAnswers {
  /** (a) the death of a person (established or suspected) */
  death: boolean | null;
  /** (a) serious harm to a person's health */
  seriousHealthHarm: boolean | null;
  /** (b) a serious and irreversible disruption of the management or operation of critical infrastructure */
  criticalInfrastructureDisruption: boolean | null;
  /** (c) an infringement of obligations under Union law intended to protect fundamental rights */
  fundamentalRightsInfringement: boolean | null;
  /** (d) serious harm to property or the environment */
  seriousPropertyOrEnvironmentHarm: boolean | null;
  /** Art. 3(61): a widespread infringement (brings the 2-day clock of Art. 73(3)) */
  widespreadInfringement: boolean | null;
}

export const seriousIncidentQuestions: {
  key: keyof SeriousIncidentAnswers;
  point: string;
  question: string;
  help: string;
}[] = [
  {
    key: "death",
    point: "Art. 3(49)(a)",
    question:
      "Did the incident lead, directly or indirectly, to the death of a person (or is that suspected)?",
    help: "A suspected causal link is enough to start the 10-day clock of Art. 73(4).",
  },
  {
    key: "seriousHealthHarm",
    point: "Art. 3(49)(a)",
    question: "Did it lead to serious harm to a person's health?",
    help: "Physical or mental harm that is more than minor or passing.",
  },
  {
    key: "criticalInfrastructureDisruption",
    point: "Art. 3(49)(b)",
    question:
      "Did it cause a serious and irreversible disruption of the management or operation of critical infrastructure?",
    help: "Energy, transport, water, digital infrastructure and similar essential services. Brings the 2-day clock.",
  },
  {
    key: "fundamentalRightsInfringement",
    point: "Art. 3(49)(c)",
    question: "Did it infringe obligations under Union law that protect fundamental rights?",
    help: "For example unlawful discrimination, or a breach of privacy or data-protection duties.",
  },
  {
    key: "seriousPropertyOrEnvironmentHarm",
    point: "Art. 3(49)(d)",
    question: "Did it cause serious harm to property or the environment?",
    help: "Damage that is significant in scale or cost, or harm to ecosystems.",
  },
  {
    key: "widespreadInfringement",
    point: "Art. 3(61)",
    question: "Is it a widespread infringement (affecting people in several Member States)?",
    help: "A widespread infringement must be reported within 2 days (Art. 73(3)).",
  },
];

export const emptySeriousIncidentAnswers: SeriousIncidentAnswers = {
  death: null,
  seriousHealthHarm: null,
  criticalInfrastructureDisruption: null,
  fundamentalRightsInfringement: null,
  seriousPropertyOrEnvironmentHarm: null,
  widespreadInfringement: null,
};

export type SeriousIncidentOutcome = "serious" | "not_serious" | "undetermined";

export interface SeriousIncidentAssessment {
  outcome: SeriousIncidentOutcome;
  /** the Art. 3(49) points answered yes, e.g. ["a", "c"] */
  grounds: ("a" | "b" | "c" | "d")[];
  /** true when a widespread infringement was answered yes (Art. 73(3), even without an Art. 3(49) ground) */
  widespreadInfringement: boolean;
  /** the questions still unanswered */
  unanswered: (keyof SeriousIncidentAnswers)[];
}

/**
 * Art. 3(49): serious when any of (a)–(d) is answered yes; not serious only when every one of them is answered no;
 * otherwise undetermined (an unanswered question could still make it serious). A widespread infringement is
 * reportable under Art. 73(3) and therefore counts as serious for the clocks.
 */
export function assessSeriousIncident(a: SeriousIncidentAnswers): SeriousIncidentAssessment {
  const grounds: SeriousIncidentAssessment["grounds"] = [];
  if (a.death === true || a.seriousHealthHarm === true) grounds.push("a");
  if (a.criticalInfrastructureDisruption === true) grounds.push("b");
  if (a.fundamentalRightsInfringement === true) grounds.push("c");
  if (a.seriousPropertyOrEnvironmentHarm === true) grounds.push("d");
  const unanswered = (Object.keys(emptySeriousIncidentAnswers) as (keyof SeriousIncidentAnswers)[]).filter(
    (k) => a[k] === null,
  );
  const widespread = a.widespreadInfringement === true;
  const outcome: SeriousIncidentOutcome =
    grounds.length > 0 || widespread ? "serious" : unanswered.length > 0 ? "undetermined" : "not_serious";
  return { outcome, grounds, widespreadInfringement: widespread, unanswered };
}

// ─── Art. 73 clocks ──────────────────────────────────────────────────────────────────────────────────────────

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2027-02-29 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === s;
}

/** Adds calendar days to a YYYY-MM-DD date (UTC arithmetic, so no daylight-saving surprises). */
export function addCalendarDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface IncidentDeadline {
  kind: IncidentDeadlineKind;
  /** the last day (inclusive) on which the duty can be met, YYYY-MM-DD */
  dueAt: string;
  /** e.g. "Art. 73(4), Regulation (EU) 2024/1689" */
  basis: string;
  article: string;
  title: string;
  maxDays: number;
  /** the rule-data version it came from */
  rulesId: string;
}

export interface IncidentClockFacts {
  /** YYYY-MM-DD: the day the organization became aware of the incident */
  becameAwareOn: string;
  role: IncidentOperatorRole;
  answers: SeriousIncidentAnswers;
}

/**
 * The regulatory clocks of a serious incident, from the awareness date in calendar days. The awareness day is day
 * 0 and is not counted (Regulation 1182/71 Art. 3(1)); the period ends at the end of its last day, so a 2-day
 * clock from 2028-02-27 is due 2028-02-29. "Immediately" (maxDays 0) is due on the awareness day.
 *
 * - A deployer owes the provider an immediate notice (Art. 26(5)).
 * - A provider owes the authority one report; when several Art. 73 paragraphs apply, the strictest (shortest)
 *   clock is the binding one and is the only authority clock returned (a death: 10 days, not 15).
 * - Nothing is due while the incident is not serious or undetermined.
 */
export function computeDeadlines(incident: IncidentClockFacts, rules: EuAiActRules): IncidentDeadline[] {
  const assessment = assessSeriousIncident(incident.answers);
  if (assessment.outcome !== "serious") return [];
  const rule = (kind: IncidentDeadlineKind) => {
    const r = rules.incidentReporting.find((x) => x.kind === kind);
    if (!r) throw new Error(`EU AI Act rules ${rules.id} have no incident deadline ${kind}`);
    return r;
  };
  const present = (kind: IncidentDeadlineKind): IncidentDeadline => {
    const r = rule(kind);
    return {
      kind,
      dueAt: addCalendarDays(incident.becameAwareOn, r.maxDays),
      basis: `${r.article}, Regulation (EU) ${r.basis}`,
      article: r.article,
      title: r.title,
      maxDays: r.maxDays,
      rulesId: rules.id,
    };
  };
  if (incident.role === "deployer") return [present("deployer_inform_provider")];
  const a = incident.answers;
  const applicable: IncidentDeadlineKind[] = ["report_general"];
  if (a.death === true) applicable.push("report_death");
  if (a.widespreadInfringement === true || a.criticalInfrastructureDisruption === true)
    applicable.push("report_widespread_or_critical_infrastructure");
  const strictest = applicable.map(present).sort((x, y) => x.maxDays - y.maxDays)[0]!;
  return [strictest];
}

/** Days left until a deadline, from "today" (YYYY-MM-DD, UTC); 0 = due today, negative = overdue. */
export const daysLeft = (dueAt: string, today: string): number => calendarDaysBetween(today, dueAt);

/** A deadline needs attention (shown red) when 2 days or fewer are left, or it has passed. */
export const deadlineIsUrgent = (left: number): boolean => left <= 2;

// ─── Policy and decisions ────────────────────────────────────────────────────────────────────────────────────

export interface IncidentSubject {
  status: IncidentStatus;
}

/** Every AIMS reader reads incidents; `incident.write` holders report and handle them. */
export const incidentPolicy = definePolicy<IncidentSubject>()("incident", {
  read: (a) => can(a, "aims.read"),
  report: (a) => can(a, "incident.write"),
  update: (a) => can(a, "incident.write"),
  log_communication: (a) => can(a, "incident.write"),
});

/** The fields an incident's handlers edit (not the status). */
export interface IncidentFields {
  title: string;
  description: string;
  occurredOn: string | null;
  becameAwareOn: string;
  severity: IncidentSeverity;
  harmTypes: IncidentHarmType[];
  role: IncidentOperatorRole;
  answers: SeriousIncidentAnswers;
  resolution: string;
}

/**
 * Dates that contradict each other are bad input, named by field. "Today" is the server's UTC day; one day of
 * slack lets someone east of UTC enter their local date just after midnight.
 */
export function checkIncidentDates(
  f: { occurredOn: string | null; becameAwareOn: string },
  today: string,
): void {
  const issues: { path: string; message: string }[] = [];
  if (f.occurredOn && f.occurredOn > f.becameAwareOn)
    issues.push({ path: "occurredOn", message: "must not be after becameAwareOn" });
  if (f.becameAwareOn > addCalendarDays(today, 1))
    issues.push({ path: "becameAwareOn", message: "must not be in the future" });
  if (issues.length > 0) throw invalidInput(`${issues[0]!.path}: ${issues[0]!.message}.`, { issues });
}

export function decideReportIncident(
  id: string,
  orgId: string,
  f: IncidentFields,
  aiSystemIds: string[],
): PendingEvent {
  const a = assessSeriousIncident(f.answers);
  return {
    type: "incident.reported",
    entityType: "incident",
    entityId: id,
    orgId,
    payload: {
      status: "reported",
      severity: f.severity,
      becameAwareOn: f.becameAwareOn,
      serious: a.outcome,
      aiSystemIds,
    },
  };
}

const answersEqual = (x: SeriousIncidentAnswers, y: SeriousIncidentAnswers) =>
  (Object.keys(emptySeriousIncidentAnswers) as (keyof SeriousIncidentAnswers)[]).every((k) => x[k] === y[k]);

/**
 * Edits the fields and/or moves the status. Resolving or closing needs a written resolution (what was decided and
 * done). A closed incident's fields are frozen: reopen it (investigating) first. Returns null when nothing changes.
 */
export function decideUpdateIncident(
  current: IncidentFields & { id: string; status: IncidentStatus; version: number },
  change: Partial<IncidentFields> & { status?: IncidentStatus | undefined },
  expectedVersion: number,
  linksChanged: boolean,
): { fields: IncidentFields; status: IncidentStatus; events: PendingEvent[] } | null {
  assertVersion(current, expectedVersion, "This incident");
  const fields: IncidentFields = {
    title: change.title ?? current.title,
    description: change.description ?? current.description,
    occurredOn: change.occurredOn !== undefined ? change.occurredOn : current.occurredOn,
    becameAwareOn: change.becameAwareOn ?? current.becameAwareOn,
    severity: change.severity ?? current.severity,
    harmTypes: change.harmTypes ?? current.harmTypes,
    role: change.role ?? current.role,
    answers: change.answers ? { ...current.answers, ...change.answers } : current.answers,
    resolution: change.resolution ?? current.resolution,
  };
  const changed = (Object.keys(fields) as (keyof IncidentFields)[]).filter((k) =>
    k === "answers"
      ? !answersEqual(fields.answers, current.answers)
      : k === "harmTypes"
        ? fields.harmTypes.join(",") !== current.harmTypes.join(",")
        : fields[k] !== current[k],
  );
  const status = change.status ?? current.status;
  const statusChanged = status !== current.status;
  if (changed.length === 0 && !statusChanged && !linksChanged) return null;
  if (current.status === "closed" && (changed.length > 0 || linksChanged) && status === "closed")
    throw invalidState("A closed incident cannot be edited; reopen it (investigating) first.");
  if (statusChanged && !incidentTransitions[current.status].includes(status))
    throw invalidState(`A ${current.status} incident cannot become ${status}.`, {
      from: current.status,
      allowed: incidentTransitions[current.status],
    });
  if ((status === "resolved" || status === "closed") && fields.resolution.trim() === "")
    throw invalidInput(
      "resolution: resolving or closing an incident needs a resolution (what was decided and done).",
      {
        issues: [
          { path: "resolution", message: "must not be empty when the incident is resolved or closed" },
        ],
      },
    );
  const events: PendingEvent[] = [];
  if (changed.length > 0 || linksChanged) {
    const payload: Record<string, unknown> = { changed };
    if (changed.includes("answers"))
      payload.serious = [
        assessSeriousIncident(current.answers).outcome,
        assessSeriousIncident(fields.answers).outcome,
      ];
    if (changed.includes("severity")) payload.severity = [current.severity, fields.severity];
    if (changed.includes("becameAwareOn"))
      payload.becameAwareOn = [current.becameAwareOn, fields.becameAwareOn];
    events.push({ type: "incident.updated", entityType: "incident", entityId: current.id, payload });
  }
  if (statusChanged)
    events.push({
      type: "incident.status_changed",
      entityType: "incident",
      entityId: current.id,
      payload: { status: [current.status, status] },
    });
  return { fields, status, events };
}

export function decideLogCommunication(
  incidentId: string,
  communicationId: string,
  c: { recipient: CommunicationRecipient; sentAt: string },
): PendingEvent {
  return {
    type: "incident.communication_logged",
    entityType: "incident",
    entityId: incidentId,
    payload: { communicationId, recipient: c.recipient, sentAt: c.sentAt },
  };
}
