/**
 * Starter texts for the impact assessment, incident and internal audit procedures. Written by OpenAIMS
 * contributors in plain words; they are not ISO text. Square brackets mark what each organization fills in.
 */

export const impactAssessmentProcedureBody = `# AI system impact assessment procedure

**Owner:** [AI governance lead] · **Applies to:** AI systems that can affect individuals, groups or society

## 1. Purpose

A risk assessment asks what can go wrong for the organization; an impact assessment asks what the AI system can
do *to people* — the individuals it decides about, the groups they belong to and society at large. This
procedure says when we do one, how, and what happens with the result.

## 2. When an assessment is required

- Before deploying a new AI system, or an existing one for a new purpose or a new group of people.
- When a significant change is made to the model, the data or the way decisions are made.
- When an incident, complaint or audit finding suggests effects we did not foresee.
- Where the law asks for one (for example a fundamental-rights impact assessment under the EU AI Act).

A short screening (section 3, questions 1–4) is enough for systems with no meaningful effect on people; record
the screening and the reason.

## 3. Questions to answer

1. What is the system for, and who decided to use it?
2. Who is affected — directly (users, people it decides about) and indirectly (their families, communities)?
3. What decisions or outcomes does it influence, and how much weight does its output carry?
4. Could it affect health, safety, access to services, employment, education, money, privacy, freedom of
   expression or equal treatment?
5. Could the effects differ between groups (age, sex, ethnicity, disability, language, location …)? How do we know?
6. Can affected people find out that AI is involved, understand the outcome and challenge it?
7. What happens when the system is wrong, and how quickly would we notice?
8. What are the wider effects — on the environment, on jobs, on trust in institutions?

## 4. Steps

1. The system owner drafts the assessment with the people who know the system and, where possible, people
   who represent those affected.
2. Rate each identified impact by severity, scale (how many people) and reversibility.
3. Decide measures for every significant impact (design changes, human review, information to users,
   monitoring) and feed unacceptable ones into the AI risk register.
4. [AI governance lead] reviews the assessment; [role] approves it before go-live.
5. Link the approved assessment to the AI system record and keep it for [retention period].

## 5. Review

Revisit the assessment at least every [12] months and whenever one of the triggers in section 2 occurs.
`;

export const incidentProcedureBody = `# AI incident procedure

**Owner:** [AI governance lead] · **Applies to:** every AI system in scope, including systems from suppliers

## 1. What counts as an AI incident

Any event where an AI system caused, or nearly caused, harm or a breach of our commitments, for example:
wrong or unfair outputs that affected people, unsafe behaviour, a data leak through the model, misuse, a
security attack on the system, a large drop in performance, or use outside its intended purpose.
If in doubt, report it — a report that turns out to be nothing costs little.

## 2. Reporting

Anyone can report through [channel, e.g. the incident form or incidents@…]. Include what happened, when, which
system, who or what was affected, and any evidence (screenshots, logs, request ids). Reporters acting in good
faith are protected from retaliation.

## 3. Triage (within [1 working day])

The AI system owner, with [AI governance lead]:
1. Confirms it is an AI incident and records it.
2. Rates severity: **low** (no harm to people), **medium** (limited harm, contained), **high** (serious harm to
   health, safety or fundamental rights, or many people affected), **critical** (death or serious damage, or a
   serious incident in the sense of applicable law).
3. Decides immediate containment: switch the feature off, fall back to a manual process, restrict use.

## 4. Notification

- High and critical incidents are escalated to [top management] at once.
- Check whether a regulator, customer, supplier or affected people must be informed, and by when (for example
  the EU AI Act sets deadlines for serious incidents of high-risk systems). [Legal/compliance contact] decides
  and records the decision and the time of each notification.

## 5. Investigation and correction

Find the root cause (data, model, integration, human process, supplier), correct it, verify the fix, and check
whether other systems share the cause. Treat the incident as a nonconformity where a requirement was not met,
with corrective actions tracked to closure.

## 6. Closing and learning

Close the incident when the fix is verified and notifications are done. Record the lessons learned, update
the risk and impact assessments, and report incident trends to the management review.
`;

export const internalAuditProcedureBody = `# Internal audit procedure

**Owner:** [AI governance lead or head of internal audit] · **Applies to:** the whole AI management system

## 1. Purpose

Internal audits tell management, independently, whether the AI management system works as intended and meets
our own requirements and those of ISO/IEC 42001 — before a certification auditor or an incident tells us.

## 2. Audit programme

- Every part of the AI management system (clauses and applicable Annex A controls) is audited at least once
  every [3] years; areas with high risk, recent changes or past findings more often.
- [AI governance lead] drafts the programme each year; [top management] approves it.
- The programme lists each audit's scope, criteria, timing and auditor.

## 3. Auditors

Auditors are competent in auditing and know enough about AI to ask useful questions. Nobody audits their own
work. External auditors may be used where internal independence or skills are lacking.

## 4. Conducting an audit

1. **Plan:** agree scope, criteria, dates and interviewees with the area owner at least [2 weeks] ahead.
2. **Prepare:** review the relevant documents, previous findings and the records in OpenAIMS.
3. **Collect evidence:** interview people, observe work, sample records (e.g. risk assessments, approvals,
   monitoring results). Write down what was seen, not impressions.
4. **Evaluate:** classify each result as conformity, minor nonconformity, major nonconformity, observation or
   opportunity for improvement.
5. **Close out:** present the findings to the area owner at a closing meeting; agree facts before the report.
6. **Report:** issue the report within [10 working days] to the area owner and [top management].

## 5. Follow-up

Area owners propose corrective actions for each nonconformity within [30 days], address the root cause, and
the auditor verifies that actions are effective before closing the finding.

## 6. Records

The audit programme, audit plans, evidence notes, reports, findings and corrective actions are kept for
[retention period].
`;
