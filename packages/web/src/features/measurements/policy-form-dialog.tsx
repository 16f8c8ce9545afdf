import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  aggregateMethods,
  CreateMeasurementPolicyInput,
  driftPolicyMetrics,
  fairnessPolicyMetrics,
  kindOfPolicyMetric,
  performancePolicyMetrics,
  policyOperators,
  type FieldIssue,
  type MeasurementPolicyView,
} from "@openaims/core";
import { isApiError, measurementTrendsApi } from "../../api";
import { FormDialog } from "../../components/dialog";
import { Checkbox, SelectField, TextAreaField, TextField } from "../../components/form-controls";
import { issuesAt, issuesFromZod } from "../../lib/field-errors";
import { measurementKeys } from "./measurement-format";

interface Draft {
  metric: string;
  attribute: string;
  group: string;
  method: string;
  column: string;
  abs: boolean;
  op: string;
  value: string;
  description: string;
}

const draftOf = (p: MeasurementPolicyView | null): Draft => ({
  metric: p?.rule.metric ?? "disparate_impact",
  attribute: p?.rule.attribute ?? "",
  group: p?.rule.group ?? "",
  method: p?.rule.method ?? "",
  column: p?.rule.column ?? "",
  abs: p?.rule.abs ?? false,
  op: p?.rule.op ?? ">=",
  value: p ? String(p.rule.value) : "0.8",
  description: p?.description ?? "",
});

/** The rule as the API takes it: empty fields left out, fields of another kind than the metric's dropped. */
function bodyOf(d: Draft): unknown {
  const kind = kindOfPolicyMetric(d.metric);
  const n = d.value.trim() === "" ? Number.NaN : Number(d.value);
  return {
    rule: {
      metric: d.metric,
      ...(kind !== "drift" && d.attribute.trim() ? { attribute: d.attribute.trim() } : {}),
      ...(kind === "fairness" && d.group.trim() ? { group: d.group.trim() } : {}),
      ...(kind === "fairness" && d.method ? { method: d.method } : {}),
      ...(kind === "drift" && d.column.trim() ? { column: d.column.trim() } : {}),
      ...(d.abs ? { abs: true } : {}),
      op: d.op,
      value: Number.isFinite(n) ? n : d.value,
    },
    description: d.description,
  };
}

const metricOptions = [
  ...fairnessPolicyMetrics.map((m) => ({ value: m, label: `${m} (fairness)` })),
  ...performancePolicyMetrics.map((m) => ({ value: m, label: `${m} (performance)` })),
  ...driftPolicyMetrics.map((m) => ({ value: m, label: `${m} (drift)` })),
];

/**
 * Sets or changes one threshold of an AI system, validated against core's rule schema before it is sent (the
 * server checks it again). `policy` null = a new one.
 */
export function PolicyFormDialog({
  orgId,
  systemId,
  policy,
  attributes,
  onClose,
}: {
  orgId: string;
  systemId: string;
  policy: MeasurementPolicyView | null;
  /** attributes and columns the system's runs hold, offered as suggestions */
  attributes: string[];
  onClose: () => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(policy));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: CreateMeasurementPolicyInput) =>
      policy
        ? measurementTrendsApi.updatePolicy(orgId, policy.id, { ...body, version: policy.version })
        : measurementTrendsApi.createPolicy(orgId, systemId, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: measurementKeys.policies(orgId, systemId) });
      await qc.invalidateQueries({ queryKey: ["orgs", orgId, "ai-systems", "measurement-trend", systemId] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.issues.length > 0) setIssues(e.issues);
    },
  });
  const submit = () => {
    const parsed = CreateMeasurementPolicyInput.safeParse(bodyOf(d));
    if (!parsed.success) return setIssues(issuesFromZod(parsed.error));
    setIssues([]);
    save.mutate(parsed.data);
  };
  const at = issuesAt(issues);
  const kind = kindOfPolicyMetric(d.metric);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const listId = `policy-scopes-${systemId}`;
  return (
    <FormDialog
      title={policy ? "Change threshold" : "Set a threshold"}
      wide
      mutation={save}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={policy ? "Save" : "Set threshold"}
    >
      <datalist id={listId}>
        <option value="*" />
        {attributes.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Metric"
          value={d.metric}
          onChange={(e) => set({ metric: e.target.value })}
          options={metricOptions}
          errors={at("rule.metric")}
        />
        {kind === "drift" ? (
          <TextField
            label="Column"
            list={listId}
            value={d.column}
            onChange={(e) => set({ column: e.target.value })}
            hint="Empty or * = every column."
            errors={at("rule.column")}
          />
        ) : (
          <TextField
            label="Attribute"
            list={listId}
            value={d.attribute}
            onChange={(e) => set({ attribute: e.target.value })}
            hint={
              kind === "performance"
                ? "Empty = the overall value; an attribute checks each of its groups."
                : "Empty or * = every attribute."
            }
            errors={at("rule.attribute")}
          />
        )}
        {kind === "fairness" && (
          <>
            <TextField
              label="Comparison group"
              value={d.group}
              onChange={(e) => set({ group: e.target.value })}
              hint="Only for group-vs-reference metrics; empty = every group."
              errors={at("rule.group")}
            />
            <SelectField
              label="Method"
              value={d.method}
              onChange={(e) => set({ method: e.target.value })}
              options={[
                { value: "", label: "Any" },
                ...aggregateMethods.map((m) => ({ value: m, label: m })),
              ]}
              errors={at("rule.method")}
            />
          </>
        )}
        <SelectField
          label="Comparison"
          value={d.op}
          onChange={(e) => set({ op: e.target.value })}
          options={policyOperators.map((o) => ({ value: o, label: o }))}
          errors={at("rule.op")}
        />
        <TextField
          label="Threshold"
          inputMode="decimal"
          value={d.value}
          onChange={(e) => set({ value: e.target.value })}
          errors={at("rule.value")}
          aria-required="true"
        />
      </div>
      <Checkbox
        label="Compare the absolute value"
        description="e.g. |equalized odds difference| ≤ 0.1"
        checked={d.abs}
        onChange={(e) => set({ abs: e.target.checked })}
      />
      <TextAreaField
        label="Why this threshold"
        value={d.description}
        onChange={(e) => set({ description: e.target.value })}
        errors={at("description")}
      />
    </FormDialog>
  );
}
