import { invalidInput } from "../shared/domain-error";
import type {
  ClassificationAnswers,
  ClassificationObligation,
  ClassificationResult,
} from "../schemas/eu-ai-act";
import { annexIIIPoint, answerIssues } from "./answer-issues";
import type { ApplicabilityDate, EuAiActRules, LegalThreshold, ObligationCondition } from "./rules";

type Route = "annex_i" | "annex_iii";

/**
 * Classifies an AI system under the EU AI Act on separate axes (Art. 5, Art. 6(1)/(2)/(3), Art. 50, GPAI, Art. 27,
 * Art. 49) and lists the obligations owed per role, each dated from the rule data. Pure: the same answers and rule
 * data always give the same result. Invalid or contradictory answers throw invalid_input naming the field.
 */
export function classifyAiSystem(answers: ClassificationAnswers, rules: EuAiActRules): ClassificationResult {
  const issues = answerIssues(answers, rules);
  if (issues.length > 0) throw invalidInput(`${issues[0]!.path}: ${issues[0]!.message}`, { issues });

  const rationale: string[] = [`Rule data ${rules.id} (${rules.title}).`];
  const roles = new Set(answers.roles);
  const dateOf = (id: string): ApplicabilityDate => {
    const d = rules.dates.find((x) => x.id === id);
    if (!d) throw new Error(`EU AI Act rule data ${rules.id} has no date ${id}`);
    return d;
  };

  // Art. 5 — prohibited practices
  const prohibitedPoints = rules.prohibitedPractices
    .filter((p) => answers.prohibitedPractices.includes(p.point))
    .map((p) => p.point);
  for (const p of rules.prohibitedPractices.filter((x) => prohibitedPoints.includes(x.point)))
    rationale.push(
      `Art. 5(1)(${p.point}) prohibited practice: ${p.title} — prohibited from ${dateOf(p.appliesFrom).appliesFrom} (${p.basis}).`,
    );

  // Art. 6(1) — Annex I product-safety route
  const annexIRoute =
    answers.annexI.safetyComponentOrProduct && answers.annexI.thirdPartyConformityAssessment;
  if (annexIRoute)
    rationale.push(
      "Art. 6(1): safety component of (or itself) an Annex I product that needs third-party conformity assessment — high-risk.",
    );
  else if (answers.annexI.safetyComponentOrProduct)
    rationale.push(
      "Art. 6(1) not met: an Annex I product without third-party conformity assessment is not high-risk by that route.",
    );

  // Art. 6(2)/(3) — Annex III use-case route, exceptions and the profiling override
  const annex = answers.annexIII === null ? undefined : annexIIIPoint(rules, answers.annexIII);
  const exception = answers.art6_3.exception;
  const exemptUnderArt6_3 = annex !== undefined && exception !== null && !answers.art6_3.profiling;
  const annexIIIRoute = annex !== undefined && !exemptUnderArt6_3;
  if (annex) {
    rationale.push(
      `Annex III point ${annex.point.point} (area ${annex.area.area}, ${annex.area.title}): ${annex.point.title}.`,
    );
    const ex = rules.art6_3Exceptions.find((e) => e.letter === exception);
    if (ex && answers.art6_3.profiling)
      rationale.push(
        `Art. 6(3)(${ex.letter}) claimed (${ex.title}), but the system profiles natural persons: an Annex III system that profiles is always high-risk (Art. 6(3), last subparagraph).`,
      );
    else if (ex)
      rationale.push(
        `Art. 6(3)(${ex.letter}): ${ex.title} — not high-risk under Art. 6(2), provided it poses no significant risk of harm; the assessment must be documented (Art. 6(4)) and registered (Art. 49(2)).`,
      );
    else rationale.push("Art. 6(2): high-risk (no Art. 6(3) exception claimed).");
  }
  const highRisk = annexIRoute || annexIIIRoute;
  const highRiskRoute: Route | null = annexIRoute ? "annex_i" : annexIIIRoute ? "annex_iii" : null;
  // Annex III systems fall under Art. 113(c)(i) even when Annex I also applies, so their earlier date wins.
  const highRiskDate = annexIIIRoute
    ? dateOf(rules.highRiskDates.annex_iii)
    : annexIRoute
      ? dateOf(rules.highRiskDates.annex_i)
      : undefined;
  if (annexIRoute && annexIIIRoute)
    rationale.push(
      "Both high-risk routes apply: reported as Annex I (Art. 6(1)); duties are dated from the Annex III date, which also covers the system.",
    );
  if (highRiskDate)
    rationale.push(
      `High-risk obligations apply from ${highRiskDate.appliesFrom} (${highRiskDate.article}, ${highRiskDate.basis}` +
        (highRiskDate.supersedes
          ? `, replacing ${highRiskDate.supersedes.appliesFrom} under ${highRiskDate.supersedes.basis})`
          : ")") +
        ".",
    );
  if (!highRisk && !annex && !answers.annexI.safetyComponentOrProduct)
    rationale.push(
      "Not high-risk: neither an Annex I product route (Art. 6(1)) nor an Annex III point (Art. 6(2)).",
    );

  // Art. 50 — transparency, on top of any other tier
  const transparencyParas = rules.art50.filter((p) => p.flags.some((f) => answers.art50[f]));
  const transparency = transparencyParas.map((p) => p.paragraph);
  for (const p of transparencyParas) rationale.push(`Art. ${p.paragraph} (${p.role}): ${p.title}.`);

  // Arts. 51-55 — the model axis
  const threshold = findThreshold(rules, rules.gpaiSystemicRiskThreshold);
  const flop = answers.gpai.trainingComputeFlop;
  const presumed = flop !== null && compare(flop, threshold);
  let gpai: ClassificationResult["gpai"] = "none";
  if (answers.gpai.isGpaiModel) {
    gpai = answers.gpai.designatedSystemicRisk || presumed ? "gpai_systemic_risk" : "gpai";
    if (answers.gpai.designatedSystemicRisk)
      rationale.push("Art. 51(1)(b): designated by the Commission as a GPAI model with systemic risk.");
    if (presumed)
      rationale.push(
        `${threshold.article}: training compute ${flop} FLOP ${threshold.comparator} ${threshold.value} — presumed high-impact capabilities, systemic risk (${threshold.basis}).`,
      );
    if (gpai === "gpai")
      rationale.push(
        `General-purpose AI model (Art. 53) without systemic risk: ${flop === null ? "training compute unknown" : `training compute ${flop} FLOP is not ${threshold.comparator} ${threshold.value}`} and no designation.`,
      );
  }

  // Art. 27 — FRIA; a duty of deployers of Art. 6(2) systems
  const area = annex?.area.area;
  const friaCase =
    annexIIIRoute &&
    ((annex !== undefined && rules.fria.alwaysPoints.includes(annex.point.point)) ||
      (answers.publicBodyOrPublicService && area !== undefined && !rules.fria.excludedAreas.includes(area)));
  const friaRequired = friaCase && roles.has("deployer");
  if (friaCase)
    rationale.push(
      friaRequired
        ? `${rules.fria.article}: fundamental rights impact assessment required before first use (` +
            (rules.fria.alwaysPoints.includes(annex!.point.point)
              ? `Annex III ${annex!.point.point}`
              : "public body or private entity providing public services") +
            ")."
        : `${rules.fria.article}: a deployer of this system must carry out a fundamental rights impact assessment; the organization is not a deployer.`,
    );
  else if (
    annexIIIRoute &&
    answers.publicBodyOrPublicService &&
    area &&
    rules.fria.excludedAreas.includes(area)
  )
    rationale.push(`${rules.fria.article}: no FRIA for Annex III area ${area} (excluded).`);

  // Art. 49 — registration
  const providerSide = roles.has("provider") || roles.has("authorised_representative");
  const national = annexIIIRoute && area !== undefined && rules.registration.nationalAreas.includes(area);
  const registrationEu = annexIIIRoute && !national && providerSide;
  const registrationNational = national && providerSide;
  const registrationExempt = exemptUnderArt6_3 && providerSide;
  const registrationPublicDeployer =
    annexIIIRoute && !national && roles.has("deployer") && answers.publicBodyOrPublicService;
  const registrationRequired =
    registrationEu || registrationNational || registrationExempt || registrationPublicDeployer;
  if (registrationEu)
    rationale.push("Art. 49(1): register the system in the EU database before placing it on the market.");
  if (registrationNational)
    rationale.push(`Art. 49(5): Annex III area ${area} systems are registered at national level.`);
  if (registrationExempt)
    rationale.push("Art. 49(2): the not-high-risk (Art. 6(3)) system is registered too.");
  if (registrationPublicDeployer)
    rationale.push(
      "Art. 49(3): a public-authority deployer registers itself and the system's use before use.",
    );
  if (
    (registrationEu || registrationPublicDeployer) &&
    area &&
    rules.registration.nonPublicAreas.includes(area)
  )
    rationale.push(`Art. 49(4): area ${area} entries go to the secure non-public section of the database.`);
  if (annexIRoute && !annexIIIRoute && !exemptUnderArt6_3)
    rationale.push(
      "Art. 49(1) covers Annex III systems only: no EU-database registration for the Annex I route.",
    );

  // Obligations per role × classification
  const holds = (condition: ObligationCondition): boolean => {
    if (condition.startsWith("art50:")) return transparency.includes(condition.slice("art50:".length));
    switch (condition) {
      case "always":
        return true;
      case "prohibited":
        return prohibitedPoints.length > 0;
      case "high_risk":
        return highRisk;
      case "high_risk_annex_iii":
        return annexIIIRoute;
      case "high_risk_annex_i":
        return annexIRoute;
      case "exempt_art6_3":
        return exemptUnderArt6_3;
      case "gpai":
        return gpai !== "none";
      case "gpai_systemic_risk":
        return gpai === "gpai_systemic_risk";
      case "fria":
        return friaRequired;
      case "registration_eu":
        return registrationEu;
      case "registration_national":
        return registrationNational;
      case "registration_public_deployer":
        return registrationPublicDeployer;
      default:
        return false;
    }
  };
  const obligations: ClassificationObligation[] = [];
  for (const rule of rules.obligations) {
    if (!holds(rule.condition)) continue;
    for (const role of rule.roles) {
      if (!roles.has(role)) continue;
      if (rule.condition === "prohibited") {
        for (const p of rules.prohibitedPractices.filter((x) => prohibitedPoints.includes(x.point))) {
          const d = dateOf(p.appliesFrom);
          obligations.push({
            id: `${rule.id}.${p.point}`,
            article: `Art. 5(1)(${p.point})`,
            title: rule.title,
            role,
            appliesFrom: d.appliesFrom,
            basis: d.basis,
          });
        }
        continue;
      }
      const d = typeof rule.appliesFrom === "string" ? dateOf(rule.appliesFrom) : highRiskDate;
      if (!d) continue;
      obligations.push({
        id: rule.id,
        article: rule.article,
        title: rule.title,
        role,
        appliesFrom: d.appliesFrom,
        basis: d.basis,
      });
    }
  }
  if (answers.roles.length === 0) rationale.push("No operator role given: no obligations are listed.");
  else if (roles.has("provider") || roles.has("deployer"))
    rationale.push("Art. 4: AI literacy applies to every provider and deployer, whatever the tier.");

  return {
    prohibited: prohibitedPoints.length > 0,
    prohibitedPoints,
    highRisk,
    highRiskRoute,
    annexIIIPoint: annex?.point.point ?? null,
    exemptUnderArt6_3,
    transparency,
    gpai,
    friaRequired,
    registrationRequired,
    obligations,
    rationale,
  };
}

function findThreshold(rules: EuAiActRules, id: string): LegalThreshold {
  const t = rules.thresholds.find((x) => x.id === id);
  if (!t) throw new Error(`EU AI Act rule data ${rules.id} has no threshold ${id}`);
  return t;
}

function compare(value: number, t: LegalThreshold): boolean {
  switch (t.comparator) {
    case ">":
      return value > t.value;
    case ">=":
      return value >= t.value;
    case "<":
      return value < t.value;
    case "<=":
      return value <= t.value;
  }
}
