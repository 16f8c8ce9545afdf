/**
 * Starter texts for the AI policy and the AI risk management procedure. Written by OpenAIMS contributors in
 * plain words; they are not ISO text. Square brackets mark what each organization must fill in.
 */

export const aiPolicyBody = `# AI policy

**Owner:** [role, e.g. Head of AI Governance] · **Approved by:** [top management body] · **Applies to:** everyone who builds, buys, deploys or uses AI systems for [Organization]

## 1. Why we have this policy

[Organization] uses AI to [describe in one or two sentences what AI does for the business]. AI can help us work
better, but it can also harm people, break the law or damage trust when it is built or used carelessly. This
policy states what we want to achieve with AI, the lines we will not cross, and who is accountable.

## 2. What we commit to

1. **People first.** We assess how each AI system can affect the people it touches before we rely on it, and
   we do not deploy a system whose effects we cannot explain or accept.
2. **Lawful and fair.** We follow the laws that apply to our AI systems (including the EU AI Act where
   relevant) and we look actively for unfair treatment of individuals or groups.
3. **Human oversight.** Every AI system has a named owner, and a person can understand, question and
   override its output where the consequences matter.
4. **Transparency.** People are told when they interact with AI or when AI substantially shapes a decision
   about them, and we can explain how a system reaches its results in terms they can follow.
5. **Safety and security.** We test AI systems before release and monitor them while they run; we protect
   them, their data and their models against misuse and attack.
6. **Good data.** We know where our data comes from, we have the right to use it, and we check its quality
   and relevance for the purpose.
7. **Continual improvement.** We learn from incidents, audits, complaints and near misses, and we set
   measurable AI objectives that we review at least once a year.

## 3. What we will not do

- [List uses your organization rules out, e.g. emotion recognition of employees, fully automated decisions on
  [topic] without human review, training on customer data without a legal basis.]

## 4. Who is responsible

| Role | Responsibility |
|---|---|
| [Top management] | Approves this policy, provides resources, reviews AI performance in the management review |
| [AI governance lead] | Maintains the AI management system, this policy and its procedures |
| AI system owners | Keep their system's records, risk and impact assessments up to date; act on incidents |
| Everyone | Follows this policy and reports concerns through [channel] without fear of retaliation |

## 5. How this policy fits with others

This policy works together with our [information security policy], [privacy policy], [procurement policy] and
[code of conduct]. Where they overlap, the stricter rule applies; where they conflict, raise it with the AI
governance lead so that the conflict is resolved.

## 6. Supporting documents

- AI risk management procedure
- AI system impact assessment procedure
- AI incident procedure
- Internal audit procedure

## 7. Communication and review

This policy is published on [intranet location] and shared with new staff during onboarding. Interested parties
outside [Organization] can receive it on request [or: it is published at URL].

The owner reviews the policy at least every [12] months, and sooner after a significant incident, a change in
law, or a major change in how we use AI. Each review is recorded, even when nothing changes.
`;

export const aiRiskProcedureBody = `# AI risk management procedure

**Owner:** [AI governance lead] · **Applies to:** every AI system in the scope of the AI management system

## 1. Purpose

This procedure describes how we find, assess and treat risks that come from developing, providing or using AI
systems, so that the results are consistent and can be compared between systems and over time.

## 2. When to assess

- Before an AI system is first deployed or bought, and before it is used for a new purpose.
- When the system, its data, its users or the law around it change significantly.
- After an incident or near miss involving the system.
- At least every [12] months for systems already in use.

## 3. Risk criteria

We rate each risk on two scales and combine them in the matrix below.

| Likelihood | Meaning |
|---|---|
| 1 Rare | Not expected within the system's lifetime |
| 2 Possible | Could happen once in a few years |
| 3 Likely | Expected to happen at least once a year |
| 4 Almost certain | Happens regularly |

| Consequence | Meaning |
|---|---|
| 1 Minor | Small inconvenience, easily corrected |
| 2 Moderate | Noticeable harm to some people, a complaint, limited financial loss |
| 3 Major | Serious harm to individuals or groups, breach of law, public attention |
| 4 Severe | Lasting harm to health, rights or livelihoods; regulatory action |

Risk level = likelihood × consequence: **1–3 low**, **4–6 medium**, **8–9 high**, **12–16 critical**.
We accept low risks; medium risks need an owner's decision; high and critical risks need treatment and the
approval of [role] before the system goes live.

## 4. Steps

1. **Describe the system:** purpose, users, people affected, data, model, suppliers, where it runs.
2. **Identify risks:** walk through the sources that apply — data quality and bias, model errors and drift,
   misuse, lack of transparency, security attacks, supplier failure, legal non-compliance, effects found in
   the impact assessment. Write each risk as *cause → event → consequence*.
3. **Analyse:** rate likelihood and consequence before any new control (inherent risk).
4. **Evaluate:** compare the level with the criteria above and decide whether treatment is needed.
5. **Treat:** choose to reduce (add controls), avoid (change or stop the use), share (contract, insurance) or
   accept. Name the controls, their owners and due dates; rate the risk again after treatment (residual risk).
6. **Approve:** the system owner accepts the residual risk; [role] approves high and critical residual risks.
7. **Record:** keep the assessment and treatment in the risk register and link them to the AI system.

## 5. Monitoring

Risk owners check their treatments are in place and working. Open treatments and high residual risks are
reported to the management review.

## 6. Records

The risk register entries, treatment plans, approvals and the Statement of Applicability that follows from them.
`;
