/**
 * The shape of one version of the EU AI Act rule data. Every date, deadline and threshold the classifier uses is a
 * record here with the legal instrument that sets it, the article, a source and a confidence tag; the classifier
 * holds no legal literal of its own, so a new amending act is a new data file, not a code change.
 */

export const operatorRoles = [
  "provider",
  "deployer",
  "importer",
  "distributor",
  "authorised_representative",
  "product_manufacturer",
] as const;
export type OperatorRole = (typeof operatorRoles)[number];

/** The legal instrument that sets a rule: the AI Act itself or an act amending it. */
export type LegalBasis = "2024/1689" | "2026/1744";

/**
 * V: checked against the verbatim consolidated text; V24: the original 2024 text only; S: secondary sources only;
 * K: general knowledge. (Tags as in the reference notes the data was taken from.)
 */
export type Confidence = "V" | "V24" | "S" | "K";

export interface ApplicabilityDate {
  id: string;
  provisions: string[];
  appliesFrom: string; // YYYY-MM-DD
  basis: LegalBasis;
  article: string;
  supersedes?: { appliesFrom: string; basis: LegalBasis };
  confidence: Confidence;
  source: string;
  note?: string;
}

export interface LegalThreshold {
  id: string;
  value: number;
  unit: string;
  comparator: ">" | ">=" | "<" | "<=";
  article: string;
  amendableBy?: string;
  basis: LegalBasis;
  confidence: Confidence;
  source: string;
}

export interface ProhibitedPracticePoint {
  point: string; // "a", "ba", …
  title: string;
  /** id of the ApplicabilityDate from which the ban applies */
  appliesFrom: string;
  basis: LegalBasis;
}

export interface AnnexIIIArea {
  area: string; // "1".."8"
  title: string;
  points: { point: string; title: string }[]; // point "5(b)"
}

export interface Art63Exception {
  letter: "a" | "b" | "c" | "d";
  title: string;
}

export const art50Flags = [
  "interactsWithPersons",
  "syntheticContent",
  "emotionOrBiometricCategorisation",
  "deepFake",
  "publicInterestText",
] as const;
export type Art50Flag = (typeof art50Flags)[number];

export interface Art50Paragraph {
  paragraph: string; // "50(1)"
  role: OperatorRole;
  /** the questionnaire flags that bring this paragraph into play */
  flags: Art50Flag[];
  title: string;
}

/**
 * When an obligation is owed, as a closed vocabulary the classifier evaluates:
 * - `always`: every system of an operator in the obligation's roles;
 * - `prohibited`: one of the Art. 5(1) points matched (one obligation per point);
 * - `high_risk` / `high_risk_annex_iii` / `high_risk_annex_i`: the system is high-risk (by any / that route);
 * - `exempt_art6_3`: an Annex III system relies on an Art. 6(3) exception;
 * - `art50:<paragraph>`: that transparency paragraph applies;
 * - `gpai` / `gpai_systemic_risk`: the model axis;
 * - `fria`: Art. 27 applies (see `fria` below);
 * - `registration_eu` / `registration_national` / `registration_public_deployer`: the Art. 49 cases.
 */
export type ObligationCondition =
  | "always"
  | "prohibited"
  | "high_risk"
  | "high_risk_annex_iii"
  | "high_risk_annex_i"
  | "exempt_art6_3"
  | `art50:${string}`
  | "gpai"
  | "gpai_systemic_risk"
  | "fria"
  | "registration_eu"
  | "registration_national"
  | "registration_public_deployer";

/** A date reference: one ApplicabilityDate id, or (for high-risk duties) the date that goes with the route. */
export type AppliesFromRef = string | { highRiskRoute: true };

export interface ObligationRule {
  id: string;
  article: string;
  title: string;
  roles: OperatorRole[];
  condition: ObligationCondition;
  appliesFrom: AppliesFromRef;
}

/**
 * A serious-incident reporting clock (Art. 73, and the deployer's duty in Art. 26(5)). `maxDays` are calendar days
 * counted from the day after the day the operator became aware (Regulation 1182/71: the day of the event is not
 * counted); `0` means "immediately": due on the awareness day itself.
 */
export const incidentDeadlineKinds = [
  "deployer_inform_provider",
  "report_general",
  "report_death",
  "report_widespread_or_critical_infrastructure",
] as const;
export type IncidentDeadlineKind = (typeof incidentDeadlineKinds)[number];

export interface IncidentReportingDeadline {
  kind: IncidentDeadlineKind;
  maxDays: number;
  /** who owes it and to whom, in plain words */
  title: string;
  /** the operator role whose clock it is */
  role: OperatorRole;
  article: string;
  basis: LegalBasis;
  confidence: Confidence;
  source: string;
  note?: string;
}

export interface EuAiActRules {
  /** the rule-data version, stored with every classification */
  id: string;
  title: string;
  instruments: { basis: LegalBasis; title: string; inForce: string; source: string }[];
  consolidatedText: { celex: string; source: string };
  dates: ApplicabilityDate[];
  thresholds: LegalThreshold[];
  prohibitedPractices: ProhibitedPracticePoint[];
  annexIII: AnnexIIIArea[];
  art6_3Exceptions: Art63Exception[];
  art50: Art50Paragraph[];
  /** ids of the dates on which the high-risk regime applies, per route (Art. 113(c) as amended) */
  highRiskDates: { annex_i: string; annex_iii: string };
  /** id of the threshold that presumes high-impact capabilities of a GPAI model */
  gpaiSystemicRiskThreshold: string;
  /** Art. 27(1): which Annex III systems need a fundamental rights impact assessment before use */
  fria: { article: string; excludedAreas: string[]; alwaysPoints: string[] };
  /** Art. 49: which Annex III areas are registered where */
  registration: { nationalAreas: string[]; nonPublicAreas: string[] };
  obligations: ObligationRule[];
  /** Art. 73 / Art. 26(5): serious-incident reporting clocks, from the awareness date in calendar days */
  incidentReporting: IncidentReportingDeadline[];
}
