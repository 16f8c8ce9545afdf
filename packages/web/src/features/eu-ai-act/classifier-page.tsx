import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import {
  ClassificationAnswers,
  currentEuAiActRules as rules,
  operatorRoles,
  type FieldIssue,
} from "@openaims/core";
import { euAiActApi, isApiError } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, FieldErrorList, SelectField, TextField } from "../../components/form-controls";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { Alert, errorMessage } from "../../components/states";
import { issuesAt, issuesFromZod } from "../../lib/field-errors";
import { ClassificationCard } from "./classification-card";

const roleHelp: Record<(typeof operatorRoles)[number], string> = {
  provider:
    "You develop the system (or have it developed) and put it on the market or into service under your name.",
  deployer: "You use the system under your authority in a professional activity.",
  importer: "You are in the EU and place on the market a system carrying a non-EU company's name.",
  distributor: "You make the system available in the EU supply chain without being its provider or importer.",
  authorised_representative: "You act in the EU for a non-EU provider under a written mandate.",
  product_manufacturer: "You place the AI system on the market together with your product, under your name.",
};

const emptyAnswers = (): ClassificationAnswers => ({
  roles: [],
  prohibitedPractices: [],
  annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: false },
  annexIII: null,
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
});

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

function Step({
  n,
  title,
  intro,
  children,
}: {
  n: number;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 text-base font-semibold text-slate-900">
        {n}. {title}
      </legend>
      <p className="text-sm text-slate-700">{intro}</p>
      {children}
    </fieldset>
  );
}

/** The EU AI Act questionnaire: each question explained, answered here, classified by the stateless endpoint. */
export function EuAiActClassifierPage() {
  useDocumentTitle("EU AI Act classifier");
  const classify = useMutation({
    mutationFn: (answers: ClassificationAnswers) => euAiActApi.classify(answers),
  });

  return (
    <>
      <PageHeader
        title="EU AI Act classifier"
        description={`Answer the questions about one AI system to see how the EU AI Act classifies it and what it owes by when. Nothing is saved. Rules: ${rules.title}. This supports, and does not replace, legal advice.`}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <ClassificationQuestionnaire
          submitLabel="Classify"
          pendingLabel="Classifying…"
          pending={classify.isPending}
          error={classify.isError ? classify.error : null}
          onInvalid={() => classify.reset()}
          onValid={(answers) => classify.mutate(answers)}
        />
        <div className="self-start lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          {classify.data ? (
            <ClassificationCard result={classify.data} />
          ) : (
            <p className="text-sm text-slate-700">
              The classification appears here after you answer and press Classify.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * The questionnaire in six explained steps, checked with the same zod schema as the server; server-side issues
 * (from `error`) are shown at their fields. Used by the classifier page and the AI system's Classification tab.
 */
export function ClassificationQuestionnaire({
  initial,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onValid,
  onInvalid,
}: {
  initial?: ClassificationAnswers;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onValid: (answers: ClassificationAnswers) => void;
  onInvalid?: () => void;
}) {
  const [a, setA] = useState<ClassificationAnswers>(() => initial ?? emptyAnswers());
  const [compute, setCompute] = useState(() =>
    initial?.gpai.trainingComputeFlop != null ? String(initial.gpai.trainingComputeFlop) : "",
  );
  const [localIssues, setIssues] = useState<FieldIssue[]>([]);
  const issues = localIssues.length > 0 ? localIssues : isApiError(error) ? error.issues : [];
  const at = issuesAt(issues);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const flop = compute.trim() === "" ? null : Number(compute);
    const parsed = ClassificationAnswers.safeParse({ ...a, gpai: { ...a.gpai, trainingComputeFlop: flop } });
    if (!parsed.success) {
      onInvalid?.(); // an earlier result no longer matches the answers on screen
      return setIssues(issuesFromZod(parsed.error));
    }
    setIssues([]);
    onValid(parsed.data);
  };
  const annexPoints = rules.annexIII.flatMap((area) =>
    area.points.map((p) => ({ value: p.point, label: `${p.point} — ${area.title}: ${p.title}` })),
  );

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Step
        n={1}
        title="Your roles"
        intro="What your organization is for this system; obligations follow the role (Art. 3, Art. 25)."
      >
        {operatorRoles.map((role) => (
          <Checkbox
            key={role}
            label={role.replace(/_/g, " ")}
            description={roleHelp[role]}
            checked={a.roles.includes(role)}
            onChange={(e) => setA({ ...a, roles: toggle(a.roles, role, e.target.checked) })}
          />
        ))}
        <FieldErrorList errors={at("roles")} />
      </Step>

      <Step
        n={2}
        title="Prohibited practices (Art. 5)"
        intro="Tick every practice the intended use or a foreseeable use matches. Any tick makes the use prohibited."
      >
        {rules.prohibitedPractices.map((p) => (
          <Checkbox
            key={p.point}
            label={`(${p.point}) ${p.title}`}
            checked={a.prohibitedPractices.includes(p.point)}
            onChange={(e) =>
              setA({
                ...a,
                prohibitedPractices: toggle(a.prohibitedPractices, p.point, e.target.checked),
              })
            }
          />
        ))}
        <FieldErrorList errors={at("prohibitedPractices")} />
      </Step>

      <Step
        n={3}
        title="Product safety (Annex I, Art. 6(1))"
        intro="Products under EU product-safety law (machinery, toys, medical devices, vehicles, …) make their AI high-risk when a third party must assess the product's conformity."
      >
        <Checkbox
          label="The system is a safety component of an Annex I product, or is itself such a product"
          checked={a.annexI.safetyComponentOrProduct}
          onChange={(e) =>
            setA({ ...a, annexI: { ...a.annexI, safetyComponentOrProduct: e.target.checked } })
          }
        />
        <Checkbox
          label="That product needs a third-party conformity assessment"
          checked={a.annexI.thirdPartyConformityAssessment}
          onChange={(e) =>
            setA({ ...a, annexI: { ...a.annexI, thirdPartyConformityAssessment: e.target.checked } })
          }
        />
        <FieldErrorList errors={at("annexI")} />
      </Step>

      <Step
        n={4}
        title="Use case (Annex III, Art. 6(2) and 6(3))"
        intro="Pick the Annex III point the intended purpose falls under, if any. An exception of Art. 6(3) can take it out of high-risk, but never when the system profiles people."
      >
        <SelectField
          label="Annex III point"
          value={a.annexIII ?? ""}
          errors={at("annexIII")}
          options={[{ value: "", label: "None of these" }, ...annexPoints]}
          onChange={(e) => setA({ ...a, annexIII: e.target.value || null })}
        />
        <SelectField
          label="Art. 6(3) exception"
          hint="Only when the system poses no significant risk of harm and does not materially influence decisions."
          value={a.art6_3.exception ?? ""}
          errors={at("art6_3.exception")}
          options={[
            { value: "", label: "No exception claimed" },
            ...rules.art6_3Exceptions.map((x) => ({
              value: x.letter,
              label: `(${x.letter}) ${x.title}`,
            })),
          ]}
          onChange={(e) =>
            setA({
              ...a,
              art6_3: {
                ...a.art6_3,
                exception: (e.target.value || null) as ClassificationAnswers["art6_3"]["exception"],
              },
            })
          }
        />
        <Checkbox
          label="The system profiles natural persons"
          description="Automated evaluation of personal aspects such as work performance, economic situation, health, preferences, behaviour or location."
          checked={a.art6_3.profiling}
          onChange={(e) => setA({ ...a, art6_3: { ...a.art6_3, profiling: e.target.checked } })}
        />
        <Checkbox
          label="We are a public body or a private entity providing public services"
          description="Such deployers of Annex III systems assess the impact on fundamental rights before use (Art. 27)."
          checked={a.publicBodyOrPublicService}
          onChange={(e) => setA({ ...a, publicBodyOrPublicService: e.target.checked })}
        />
      </Step>

      <Step n={5} title="Transparency (Art. 50)" intro="These apply on top of any other classification.">
        {rules.art50.flatMap((p) =>
          p.flags.map((flag) => (
            <Checkbox
              key={flag}
              label={flagLabels[flag]}
              description={`Art. ${p.paragraph}, ${p.role}: ${p.title}.`}
              checked={a.art50[flag]}
              onChange={(e) => setA({ ...a, art50: { ...a.art50, [flag]: e.target.checked } })}
            />
          )),
        )}
      </Step>

      <Step
        n={6}
        title="General-purpose AI model (Arts. 51–55)"
        intro="Answer for a model your organization provides. A model trained with more compute than the legal threshold is presumed to carry systemic risk."
      >
        <Checkbox
          label="It is a general-purpose AI model"
          checked={a.gpai.isGpaiModel}
          onChange={(e) => setA({ ...a, gpai: { ...a.gpai, isGpaiModel: e.target.checked } })}
        />
        <TextField
          label="Estimated cumulative training compute (FLOP)"
          hint="e.g. 3e24; leave empty if unknown."
          inputMode="decimal"
          value={compute}
          errors={at("gpai.trainingComputeFlop")}
          onChange={(e) => setCompute(e.target.value)}
        />
        <Checkbox
          label="Designated by the Commission as having systemic risk"
          checked={a.gpai.designatedSystemicRisk}
          onChange={(e) => setA({ ...a, gpai: { ...a.gpai, designatedSystemicRisk: e.target.checked } })}
        />
        <FieldErrorList errors={at("gpai.designatedSystemicRisk")} />
      </Step>

      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {issues.length > 0 && <Alert>Please check the answers marked above.</Alert>}
      {error != null && !(isApiError(error) && error.issues.length > 0) && (
        <Alert>{errorMessage(error)}</Alert>
      )}
    </form>
  );
}

const flagLabels: Record<keyof ClassificationAnswers["art50"], string> = {
  interactsWithPersons: "It interacts directly with people",
  syntheticContent: "It generates synthetic audio, images, video or text",
  emotionOrBiometricCategorisation: "It recognises emotions or categorises people by biometric data",
  deepFake: "It generates or manipulates deep fakes",
  publicInterestText: "It generates text published to inform the public on matters of public interest",
};
