/**
 * Questionnaire answers for a deployer of an Annex III 5(b) system (credit scoring): high-risk, with the Art. 4,
 * Art. 26 and Art. 27 duties. `over` replaces top-level answers.
 */
export const deployerAnswers = (over: Record<string, unknown> = {}) => ({
  roles: ["deployer"],
  prohibitedPractices: [],
  annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: false },
  annexIII: "5(b)",
  art6_3: { exception: null, profiling: false },
  art50: {
    interactsWithPersons: false,
    syntheticContent: false,
    emotionOrBiometricCategorisation: false,
    deepFake: false,
    publicInterestText: false,
  },
  gpai: { isGpaiModel: false, trainingComputeFlop: null, designatedSystemicRisk: false },
  publicBodyOrPublicService: false,
  ...over,
});
