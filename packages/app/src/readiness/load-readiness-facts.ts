import { sql } from "drizzle-orm";
import type {
  DocumentFact,
  EvidenceFact,
  ReadinessFacts,
  RecordCountKey,
  SoaEntryFact,
} from "@openaims/core";
import type { Executor } from "@openaims/db";

/**
 * Loads the readiness facts of one organization with four aggregate queries, whatever the number of records:
 * documents (with their linked nodes), named counts (+ the approved scope), SoA entries compared with the
 * approved snapshot, and evidence grouped by subject and valid-until day. Dates come back as text
 * (`YYYY-MM-DD`), so no driver turns them into local-time `Date`s.
 */

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** `iso-iec-42001-2023:A.2.2` → `A.2.2`; node refs of other frameworks are not this rule set's business. */
const nodeOf = (frameworkId: string, ref: string): string | null =>
  ref.startsWith(`${frameworkId}:`) ? ref.slice(frameworkId.length + 1) : null;

async function loadDocuments(db: Executor, orgId: string, frameworkId: string): Promise<DocumentFact[]> {
  const rows = rowsOf<{
    id: string;
    title: string;
    kind: string;
    template_key: string | null;
    published_version: number | null;
    published_on: string | null;
    next_review_on: string | null;
    nodes: string[] | null;
  }>(
    await db.execute(sql`
      select d.id, d.title, d.kind, d.template_key, d.published_version,
        to_char(d.published_at at time zone 'UTC', 'YYYY-MM-DD') as published_on,
        d.next_review_at::text as next_review_on,
        (select array_agg(l.target_id) from record_links l
          where l.org_id = d.org_id and l.source_type = 'document' and l.source_id = d.id::text
            and l.target_type = 'framework_node') as nodes
      from documents d
      where d.org_id = ${orgId} and d.retired_at is null`),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    templateKey: r.template_key,
    nodes: (r.nodes ?? []).map((ref) => nodeOf(frameworkId, ref)).filter((n): n is string => n !== null),
    published:
      r.published_version === null ? null : { version: r.published_version, publishedOn: r.published_on },
    nextReviewOn: r.next_review_on,
  }));
}

/** An AI system in scope: in the register, not archived, not retired (`s` is `ai_systems`). */
const inScope = sql.raw(`s.archived_at is null and s.lifecycle_stage <> 'retired'`);
/** An impact assessment of system `s` that is not archived and has an approved version in force. */
const approvedOf = (variant?: "fria") =>
  sql`exists (select 1 from impact_assessments a where a.org_id = s.org_id and a.ai_system_id = s.id
    and a.archived_at is null and a.approved_version is not null${variant ? sql` and a.variant = ${variant}` : sql``})`;
/** The newest stored EU AI Act classification of system `s` requires a FRIA. */
const friaRequired = sql`coalesce((select (c.result ->> 'friaRequired')::boolean from ai_system_classifications c
    where c.org_id = s.org_id and c.ai_system_id = s.id order by c.number desc limit 1), false)`;
const approvedAssessments = (orgId: string) => sql`select count(*) from impact_assessments a
    join ai_systems s on s.org_id = a.org_id and s.id = a.ai_system_id
    where a.org_id = ${orgId} and a.archived_at is null and a.approved_version is not null and ${inScope}`;

/** Each named count of core `recordCounts`, as one scalar subquery. */
const countSql = (orgId: string, today: string): Record<RecordCountKey, ReturnType<typeof sql>> => ({
  context_issues: sql`select count(*) from context_issues where org_id = ${orgId} and archived_at is null`,
  context_issues_internal: sql`select count(*) from context_issues where org_id = ${orgId} and archived_at is null and kind = 'internal'`,
  context_issues_external: sql`select count(*) from context_issues where org_id = ${orgId} and archived_at is null and kind = 'external'`,
  context_issues_review_overdue: sql`select count(*) from context_issues where org_id = ${orgId} and archived_at is null and review_date < ${today}::date`,
  interested_parties: sql`select count(*) from interested_parties where org_id = ${orgId}`,
  interested_party_requirements: sql`select count(*) from interested_party_requirements where org_id = ${orgId}`,
  interested_party_requirements_undecided: sql`select count(*) from interested_party_requirements where org_id = ${orgId} and addressed is null`,
  org_ai_roles: sql`select count(*) from org_ai_roles where org_id = ${orgId}`,
  raci_activities: sql`select count(*) from raci_activities where org_id = ${orgId}`,
  raci_activities_without_accountable: sql`select count(*) from raci_activities a where a.org_id = ${orgId}
    and (select count(*) from raci_assignments r where r.org_id = a.org_id and r.activity_id = a.id and r.letter = 'A') <> 1`,
  objectives: sql`select count(*) from objectives where org_id = ${orgId} and archived_at is null`,
  objectives_incomplete: sql`select count(*) from objectives where org_id = ${orgId} and archived_at is null
    and (owner_id is null or btrim(measure) = '')`,
  objectives_with_progress: sql`select count(*) from objectives o where o.org_id = ${orgId} and o.archived_at is null
    and exists (select 1 from objective_progress p where p.org_id = o.org_id and p.objective_id = o.id)`,
  applied_controls: sql`select count(*) from applied_controls where org_id = ${orgId} and archived_at is null`,
  applied_controls_implemented: sql`select count(*) from applied_controls where org_id = ${orgId} and archived_at is null and status = 'implemented'`,
  ai_systems: sql`select count(*) from ai_systems where org_id = ${orgId} and archived_at is null`,
  ai_systems_without_purpose: sql`select count(*) from ai_systems where org_id = ${orgId} and archived_at is null and btrim(purpose) = ''`,
  members_active: sql`select count(*) from memberships where org_id = ${orgId} and status = 'active'`,
  // the expiry as core trainingExpiry computes it (PostgreSQL clamps date + months like core addMonths)
  members_without_ai_literacy: sql`select count(*) from memberships m where m.org_id = ${orgId} and m.status = 'active'
    and not exists (select 1 from training_records r
      join training_topics t on t.org_id = r.org_id and t.id = r.topic_id
      where r.org_id = m.org_id and r.user_id = m.user_id and t.archived_at is null and t.ai_literacy
        and coalesce(r.expires_on, (r.completed_on + make_interval(months => t.validity_months))::date,
          'infinity'::date) >= ${today}::date)`,
  training_topics_ai_literacy: sql`select count(*) from training_topics where org_id = ${orgId} and archived_at is null and ai_literacy`,
  ai_systems_in_scope: sql`select count(*) from ai_systems s where s.org_id = ${orgId} and ${inScope}`,
  ai_systems_without_impact_assessment: sql`select count(*) from ai_systems s where s.org_id = ${orgId} and ${inScope}
    and not ${approvedOf()}`,
  impact_assessments_approved: approvedAssessments(orgId),
  impact_assessments_review_overdue: sql`${approvedAssessments(orgId)} and a.next_review_date < ${today}::date`,
  ai_systems_fria_required: sql`select count(*) from ai_systems s where s.org_id = ${orgId} and ${inScope}
    and ${friaRequired}`,
  ai_systems_without_fria: sql`select count(*) from ai_systems s where s.org_id = ${orgId} and ${inScope}
    and ${friaRequired} and not ${approvedOf("fria")}`,
});

async function loadCounts(db: Executor, orgId: string, today: string) {
  const parts = Object.entries(countSql(orgId, today)).map(
    ([key, q]) => sql`(${q})::int as ${sql.identifier(key)}`,
  );
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select ${sql.join(parts, sql`, `)},
      (select json_build_object('version', number,
          'approvedOn', to_char(approved_at at time zone 'UTC', 'YYYY-MM-DD'))
        from scope_versions where org_id = ${orgId} and status = 'approved'
        order by number desc limit 1) as scope_approved,
      (select json_build_object('number', number,
          'approvedOn', to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD'))
        from soa_versions where org_id = ${orgId} and status = 'approved'
        order by number desc limit 1) as soa_approved`),
  );
  const { scope_approved, soa_approved, ...counts } = row!;
  return {
    counts: counts as Record<RecordCountKey, number>,
    scopeApproved: parseJson<{ version: number; approvedOn: string }>(scope_approved),
    soaApproved: parseJson<{ number: number; approvedOn: string }>(soa_approved),
  };
}

/** pg parses json columns, PGlite too; a driver that hands back text still works. */
const parseJson = <T>(v: unknown): T | null =>
  v === null || v === undefined ? null : typeof v === "string" ? (JSON.parse(v) as T) : (v as T);

/** The key an own (additional) control's evidence is grouped under. */
const ownControlKey = (appliedControlId: string) => `applied_control:${appliedControlId}`;

async function loadSoaEntries(db: Executor, orgId: string, frameworkId: string): Promise<SoaEntryFact[]> {
  const rows = rowsOf<{
    control_id: string;
    additional: boolean;
    name: string | null;
    applicable: boolean | null;
    justification: string;
    implementation_status: string;
    has_owner: boolean;
    changed: boolean;
  }>(
    await db.execute(sql`
      with v as (
        select snapshot from soa_versions where org_id = ${orgId} and status = 'approved'
        order by number desc limit 1),
      snap as (select e->>'controlId' as control_id, e from v, jsonb_array_elements(v.snapshot->'entries') e)
      select s.control_id, s.additional_control_id is not null as additional, ac.name, s.applicable,
        s.justification, s.implementation_status, s.owner_id is not null as has_owner,
        (exists (select 1 from v)) and (snap.e is null
          or snap.e->'applicable' is distinct from coalesce(to_jsonb(s.applicable), 'null'::jsonb)
          or snap.e->>'justification' is distinct from s.justification
          or snap.e->>'implementationStatus' is distinct from s.implementation_status
          or snap.e->>'ownerId' is distinct from s.owner_id::text) as changed
      from soa_entries s
      left join applied_controls ac on ac.id = s.additional_control_id
      left join snap on snap.control_id = s.control_id
      where s.org_id = ${orgId} and s.framework_id = ${frameworkId}
        and (s.additional_control_id is null or ac.archived_at is null)`),
  );
  return rows.map((r) => ({
    controlId: r.additional ? null : r.control_id,
    label: r.additional ? `"${r.name ?? r.control_id}"` : r.control_id,
    evidenceKey: r.additional ? ownControlKey(r.control_id) : r.control_id,
    applicable: r.applicable,
    justification: r.justification,
    implementationStatus: r.implementation_status,
    hasOwner: r.has_owner,
    changedSinceApproval: r.changed,
  }));
}

/**
 * Evidence (not archived) per subject: linked to a framework node directly, to a node's SoA entry, or to an
 * applied control that is linked to the node. An item reached by several paths counts once per subject. The
 * subject `*` is every item of the organization. Dated items are folded into two buckets relative to `today`
 * (current: counted under their earliest date; expired: under their latest), which is all the evaluation on
 * `today` needs, so the result has a few rows per subject however many distinct dates there are.
 */
async function loadEvidence(db: Executor, orgId: string, frameworkId: string, today: string) {
  const prefix = `${frameworkId}:`;
  const rows = rowsOf<{
    subject: string;
    undated: number;
    current_n: number;
    current_first: string | null;
    expired_n: number;
    expired_last: string | null;
  }>(
    await db.execute(sql`
      with el as (
        select l.target_type, l.target_id, e.id, e.valid_until
        from record_links l
        join evidence e on e.org_id = l.org_id and e.id::text = l.source_id and e.archived_at is null
        where l.org_id = ${orgId} and l.source_type = 'evidence'
          and l.target_type in ('framework_node', 'soa_entry', 'applied_control')),
      subj as (
        select target_id as subject, id, valid_until from el where target_type = 'framework_node'
        union
        select case when s.additional_control_id is null then ${prefix}::text || s.control_id
            else 'applied_control:' || s.control_id end, el.id, el.valid_until
        from el join soa_entries s on s.org_id = ${orgId} and s.id::text = el.target_id
        where el.target_type = 'soa_entry'
        union
        select l2.target_id, el.id, el.valid_until from el
        join record_links l2 on l2.org_id = ${orgId} and l2.source_type = 'applied_control'
          and l2.source_id = el.target_id and l2.target_type = 'framework_node'
        where el.target_type = 'applied_control'
        union
        select 'applied_control:' || target_id, id, valid_until from el where target_type = 'applied_control'
        union all
        select '*', id, valid_until from evidence where org_id = ${orgId} and archived_at is null)
      select subject,
        (count(*) filter (where valid_until is null))::int as undated,
        (count(*) filter (where valid_until >= ${today}::date))::int as current_n,
        (min(valid_until) filter (where valid_until >= ${today}::date))::text as current_first,
        (count(*) filter (where valid_until < ${today}::date))::int as expired_n,
        (max(valid_until) filter (where valid_until < ${today}::date))::text as expired_last
      from subj group by subject`),
  );
  const bySubject: Record<string, EvidenceFact> = {};
  let all: EvidenceFact = { undated: 0, validUntil: {} };
  for (const r of rows) {
    const fact: EvidenceFact = { undated: r.undated, validUntil: {} };
    if (r.current_first) fact.validUntil[r.current_first] = r.current_n;
    if (r.expired_last) fact.validUntil[r.expired_last] = r.expired_n;
    if (r.subject === "*") all = fact;
    else bySubject[r.subject.startsWith(prefix) ? r.subject.slice(prefix.length) : r.subject] = fact;
  }
  return { bySubject, all };
}

/** The facts for `evaluateReadiness`, as of `today` (YYYY-MM-DD, UTC). */
export async function loadReadinessFacts(
  db: Executor,
  orgId: string,
  frameworkId: string,
  today: string,
): Promise<ReadinessFacts> {
  // Independent reads: on PostgreSQL they run on separate pooled connections at once.
  const [documents, counted, entries, evidence] = await Promise.all([
    loadDocuments(db, orgId, frameworkId),
    loadCounts(db, orgId, today),
    loadSoaEntries(db, orgId, frameworkId),
    loadEvidence(db, orgId, frameworkId, today),
  ]);
  return {
    documents,
    counts: counted.counts,
    scope: { approved: counted.scopeApproved },
    soa: { approved: counted.soaApproved, entries },
    evidence: evidence.bySubject,
    evidenceAll: evidence.all,
  };
}
