import { useState } from "react";
import { Link } from "@tanstack/react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  availableMetrics,
  metricValues,
  type MeasurementRunResult,
  type MeasurementRunView,
  type PolicyMetric,
} from "@openaims/core";
import { measurementTrendsApi, objectivesApi } from "../../api";
import { Button } from "../../components/button";
import { Checkbox, SelectField } from "../../components/form-controls";
import { QueryView } from "../../components/query-view";
import { Alert, errorMessage } from "../../components/states";
import { measurementKeys, num } from "./measurement-format";

/** Checkboxes over the org's live objectives; saving replaces the run's objective links. */
function ObjectivePicker({
  orgId,
  runId,
  linked,
  onDone,
}: {
  orgId: string;
  runId: string;
  linked: string[];
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(linked));
  const objectives = useQuery({
    queryKey: ["orgs", orgId, "objectives", "picker"],
    queryFn: ({ signal }) => objectivesApi.list(orgId, { limit: 200 }, signal),
  });
  const save = useMutation({
    mutationFn: () => measurementTrendsApi.setRunObjectives(orgId, runId, [...chosen]),
    onSuccess: async (data) => {
      qc.setQueryData(measurementKeys.runObjectives(orgId, runId), data);
      onDone();
    },
  });
  return (
    <QueryView query={objectives} loadingLabel="Loading objectives…">
      {(page) => (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-900">Objectives this run informs</legend>
          {page.items.length === 0 && <p className="text-sm text-slate-600">No objectives yet.</p>}
          {page.items.map((o) => (
            <Checkbox
              key={o.id}
              label={o.title}
              description={o.measure}
              checked={chosen.has(o.id)}
              onChange={(e) =>
                setChosen((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  return next;
                })
              }
            />
          ))}
          {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
          <div className="flex gap-2">
            <Button size="sm" variant="primary" busy={save.isPending} onClick={() => save.mutate()}>
              Save links
            </Button>
            <Button size="sm" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </fieldset>
      )}
    </QueryView>
  );
}

/** Records one value of the run as an objective's progress (and links the run to it). */
function ProgressFromRun({
  orgId,
  run,
  objectives,
}: {
  orgId: string;
  run: MeasurementRunView;
  objectives: { id: string; label: string }[];
}) {
  const qc = useQueryClient();
  const result = run.result as MeasurementRunResult;
  const metrics = availableMetrics(result);
  const [objectiveId, setObjectiveId] = useState(objectives[0]?.id ?? "");
  const [metric, setMetric] = useState<string>(metrics[0]?.metric ?? "");
  const values = metric ? metricValues(result, { metric: metric as PolicyMetric }) : [];
  const [where, setWhere] = useState("");
  const picked = values.find((v) => v.where === where) ?? values[0];
  const record = useMutation({
    mutationFn: () =>
      measurementTrendsApi.progressFromRun(orgId, run.id, {
        objectiveId,
        metric: metric as PolicyMetric,
        ...(picked ? { where: picked.where } : {}),
      }),
    onSuccess: async (data) => {
      qc.setQueryData(measurementKeys.runObjectives(orgId, run.id), data.objectives);
      await qc.invalidateQueries({ queryKey: ["orgs", orgId, "objectives"] });
    },
  });
  if (objectives.length === 0 || metrics.length === 0) return null;
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 p-3"
      aria-label="Record a value of this run as progress"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <h4 className="text-sm font-medium text-slate-900">
        Record a value of this run as an objective&apos;s progress
      </h4>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Objective"
          value={objectiveId}
          onChange={(e) => setObjectiveId(e.target.value)}
          options={objectives.map((o) => ({ value: o.id, label: o.label }))}
        />
        <SelectField
          label="Metric"
          value={metric}
          onChange={(e) => {
            setMetric(e.target.value);
            setWhere("");
          }}
          options={metrics.map((m) => ({ value: m.metric, label: m.metric }))}
        />
        <SelectField
          label="Value"
          value={picked?.where ?? ""}
          onChange={(e) => setWhere(e.target.value)}
          options={values.map((v) => ({
            value: v.where,
            label: `${v.where}: ${num(v.value)}`,
            disabled: v.value === null,
          }))}
        />
      </div>
      {record.isError && <Alert>{errorMessage(record.error)}</Alert>}
      {record.isSuccess && (
        <Alert tone="success">Recorded {num(record.data.recorded.progress.value)} on the objective.</Alert>
      )}
      <Button
        type="submit"
        size="sm"
        variant="primary"
        busy={record.isPending}
        disabled={!picked || picked.value === null}
      >
        Record progress
      </Button>
    </form>
  );
}

/** The objectives a run informs (links; the run stays immutable), and recording one of its values as progress. */
export function RunObjectivesPanel({ orgId, run }: { orgId: string; run: MeasurementRunView }) {
  const [editing, setEditing] = useState(false);
  const links = useQuery({
    queryKey: measurementKeys.runObjectives(orgId, run.id),
    queryFn: ({ signal }) => measurementTrendsApi.runObjectives(orgId, run.id, signal),
  });
  return (
    <section aria-label="Objectives" className="space-y-3">
      <h3 className="text-base font-semibold text-slate-900">Objectives</h3>
      <QueryView query={links} loadingLabel="Loading linked objectives…">
        {(l) => {
          const canLink = l.abilities.record === true;
          return (
            <div className="space-y-3">
              {l.items.length === 0 ? (
                <p className="text-sm text-slate-600">This run is not linked to an objective.</p>
              ) : (
                <ul className="list-disc pl-6 text-sm">
                  {l.items.map((o) => (
                    <li key={o.id}>
                      <Link
                        to="/orgs/$orgId/objectives/$objectiveId"
                        params={{ orgId, objectiveId: o.id }}
                        className="text-blue-800 hover:underline"
                      >
                        {o.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {canLink &&
                (editing ? (
                  <ObjectivePicker
                    orgId={orgId}
                    runId={run.id}
                    linked={l.items.map((o) => o.id)}
                    onDone={() => setEditing(false)}
                  />
                ) : (
                  <Button size="sm" onClick={() => setEditing(true)}>
                    Link objectives
                  </Button>
                ))}
              {canLink && (
                <ProgressFromRun
                  orgId={orgId}
                  run={run}
                  objectives={l.items.map((o) => ({ id: o.id, label: o.label }))}
                />
              )}
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}
