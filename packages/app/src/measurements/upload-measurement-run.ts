import {
  assertClassificationInputSpec,
  authorize,
  computeDrift,
  createFairnessAccumulator,
  DomainError,
  invalidInput,
  invalidState,
  InvalidRowsError,
  mapClassificationRows,
  measurementPolicy,
  MeasurementUploadParams,
  type Actor,
  type ClassificationInputSpec,
  type MappedRecord,
  type MeasurementRunView,
  type RecordMeasurementRunInput,
} from "@openaims/core";
import { findAiSystem, parseInput } from "../ai-systems/ai-system-records";
import { formatBytes } from "../evidence/upload-evidence-file";
import { removeBlobIfUnreferenced, type EvidenceStorage } from "../evidence/evidence-storage";
import type { AppContext, RequestMeta } from "../shared/context";
import {
  createPerformanceByGroup,
  forcedKinds,
  invalidRowsMessage,
  missingReference,
  profileTable,
  rowIssues,
  summaryOf,
} from "./measure-table";
import { recordMeasurementRun, type KeptFile, type RecordRunOptions } from "./record-measurement-run";
import { formatOf, tableRows, type TableRows } from "./table-rows";

/** One part of the multipart body, in the order sent: the `params` field first, then the file part(s). */
export type MeasurementUploadPart =
  | { type: "field"; name: string; value: string }
  | { type: "file"; name: string; filename: string; content: AsyncIterable<Uint8Array> };

export interface MeasurementUpload {
  parts: AsyncIterable<MeasurementUploadPart>;
  /** the Content-Length the client announced, if any: larger than the limit is refused before reading */
  declaredLength?: number | null;
  /** the files together may not exceed this (OPENAIMS_MEASUREMENT_MAX_BYTES) */
  maxBytes: number;
  /** reading and measuring may not take longer (OPENAIMS_MEASUREMENT_MAX_SECONDS) */
  maxSeconds: number;
  /** where `keepFile: true` stores the files (the evidence blob store) */
  storage: () => EvidenceStorage;
}

/** Room for the params field and the multipart framing on top of the files' limit. */
const FRAMING_BYTES = 1024 * 1024;
const SKIP = '"skipInvalid": true';

export const measurementTooLarge = (maxBytes: number) =>
  new DomainError(
    "payload_too_large",
    `The upload is larger than the limit of ${formatBytes(maxBytes)} (OPENAIMS_MEASUREMENT_MAX_BYTES); nothing ` +
      "was stored. Measure it with the CLI and post the result ('aims measure … --upload').",
    { maxBytes },
  );

const measurementTooSlow = (maxSeconds: number) =>
  new DomainError(
    "payload_too_large",
    `Measuring the upload took longer than ${maxSeconds} s (OPENAIMS_MEASUREMENT_MAX_SECONDS); nothing was ` +
      "stored. Measure it with the CLI and post the result ('aims measure … --upload').",
    { maxSeconds },
  );

const filesOf = (kind: MeasurementUploadParams["kind"]) =>
  kind === "drift" ? ["reference", "current"] : ["file"];

function parseParams(value: string): MeasurementUploadParams {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (e) {
    throw invalidInput(`params: is not valid JSON (${(e as Error).message}).`, {
      issues: [{ path: "params", message: "is not valid JSON" }],
    });
  }
  return parseInput(MeasurementUploadParams, json);
}

function specOf(p: MeasurementUploadParams & { kind: "fairness" | "performance" }): ClassificationInputSpec {
  return {
    label: p.label,
    labelPositive: p.labelPositive,
    labelNegative: p.labelNegative,
    prediction: p.prediction,
    positive: p.positive,
    negative: p.negative,
    score: p.score,
    threshold: p.threshold,
    groups: p.groups,
    timestamp: p.timestamp,
    segment: p.segment,
    naValues: p.na,
  };
}

/** A reader's DomainError (bad header, empty file) or csv-parse error, named after the file. */
function fileError(file: string, e: unknown): unknown {
  if (e instanceof DomainError && e.code === "invalid_input")
    return new DomainError(e.code, `${file}: ${e.message}`, e.details);
  if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("CSV_")) {
    const line = "lines" in e ? ` (line ${String(e.lines)})` : "";
    return invalidInput(`${file} is not valid CSV${line}: ${e.message}`);
  }
  return e;
}

const invalidRows = (file: string, input: Parameters<typeof rowIssues>[0] & { rowsRead: number }) =>
  invalidInput(invalidRowsMessage(file, input.rowsInvalid, input.rowsRead, SKIP), {
    issues: rowIssues(input),
    input,
  });

async function classificationPayload(
  p: MeasurementUploadParams & { kind: "fairness" | "performance" },
  file: string,
  table: TableRows,
): Promise<Record<string, unknown> & { kind: string }> {
  const spec = specOf(p);
  const requireGroups = p.kind === "fairness";
  const fairness =
    p.kind === "fairness"
      ? createFairnessAccumulator({
          attributes: p.groups,
          reference: p.reference,
          intersectional: p.intersectional,
          minGroupSize: p.minGroupSize,
          tau: p.tau,
          bootstrap: p.bootstrap > 0 ? { samples: p.bootstrap, seed: p.seed } : null,
        })
      : null;
  const performance = p.kind === "performance" ? createPerformanceByGroup(p.groups) : null;
  const sink = (r: MappedRecord) => (fairness ?? performance)!.add(r);
  let report;
  try {
    report = await mapClassificationRows(table.rows, spec, sink, {
      skipInvalid: p.skipInvalid,
      requireGroups,
      byName: table.format === "jsonl",
    });
  } catch (e) {
    if (e instanceof InvalidRowsError) throw invalidRows(file, summaryOf(file, table, e.report));
    throw fileError(file, e);
  }
  const input = summaryOf(file, table, report);
  if (fairness) {
    const result = fairness.result();
    const missing = missingReference(p.kind === "fairness" ? p.reference : {}, result.groups);
    if (missing)
      throw invalidInput(missing, { issues: [{ path: "reference", message: "no row has this value" }] });
    return { ...result, input };
  }
  const { overall, groups } = performance!.result();
  return { ...overall, groups, input };
}

/**
 * Measures an uploaded prediction file (or, for drift, a reference and a current file) on the server — streamed
 * through the same reader and accumulators as `aims measure`, never held whole — and records the run through
 * `recordMeasurementRun`, so policies, evidence, tasks and audit events are exactly those of a posted run.
 * Nothing is stored when the params, a file, the size limit or the time limit say no.
 */
export async function uploadMeasurementRun(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  aiSystemId: string,
  upload: MeasurementUpload,
  options: RecordRunOptions,
): Promise<MeasurementRunView> {
  authorize(actor, measurementPolicy, "record", { aiSystemId });
  // checked before any byte is read: a wrong id or an archived system does not cost an upload
  const { row: system } = await findAiSystem(ctx.database.db, actor.orgId, aiSystemId);
  if (system.archivedAt)
    throw invalidState("This AI system is archived; restore it before recording measurements.");
  if (upload.declaredLength != null && upload.declaredLength > upload.maxBytes + FRAMING_BYTES)
    throw measurementTooLarge(upload.maxBytes);

  const parts = upload.parts[Symbol.asyncIterator]();
  const first = await parts.next();
  if (first.done || first.value.type !== "field" || first.value.name !== "params")
    throw invalidInput("Send the params field (JSON) first, then the file part(s).", {
      issues: [{ path: "params", message: "is required before the file" }],
    });
  const params = parseParams(first.value.value);
  if (params.kind !== "drift") {
    try {
      assertClassificationInputSpec(specOf(params), { requireGroups: params.kind === "fairness" });
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, `params: ${e.message}`, e.details);
      throw e;
    }
  }
  const kind = params.kind;
  const kinds = kind === "drift" ? forcedKinds(params.numeric, params.categorical) : {};

  const deadline = Date.now() + upload.maxSeconds * 1000;
  let total = 0;
  async function* limited(content: AsyncIterable<Uint8Array>) {
    for await (const chunk of content) {
      total += chunk.length;
      if (total > upload.maxBytes) throw measurementTooLarge(upload.maxBytes);
      yield chunk;
    }
  }
  const onChunk = () => {
    if (Date.now() >= deadline) throw measurementTooSlow(upload.maxSeconds);
  };

  const kept: KeptFile[] = [];
  const files: Record<string, string> = {};
  /** The next part must be the file `name`; returns its rows (kept first in the blob store with keepFile). */
  async function nextFile(name: string): Promise<{ file: string; table: TableRows }> {
    const next = await parts.next();
    if (next.done)
      throw invalidInput(`The file part "${name}" is missing.`, {
        issues: [{ path: name, message: "is required" }],
      });
    if (next.value.type !== "file" || next.value.name !== name)
      throw invalidInput(`Expected the file part "${name}", not "${next.value.name}".`, {
        issues: [{ path: next.value.name, message: `expected the file part "${name}"` }],
      });
    const file = next.value.filename || name;
    files[name] = file;
    const format = formatOf(file, params.format);
    let content: AsyncIterable<Uint8Array> = limited(next.value.content);
    if (params.keepFile) {
      const { store } = upload.storage();
      const stored = await store.put(content);
      kept.push({
        ...stored,
        filename: file,
        mediaType: format === "csv" ? "text/csv" : "application/x-ndjson",
      });
      content = (await store.get(stored.sha256))!;
    }
    return { file, table: tableRows(content, { format, delimiter: params.delimiter, onChunk }) };
  }

  try {
    let payload: Record<string, unknown> & { kind: string };
    if (params.kind === "drift") {
      const ref = await nextFile("reference");
      const reference = await profileTable(ref.file, ref.table, {
        columns: params.columns,
        kinds,
        naValues: params.na,
      }).catch((e: unknown) => Promise.reject(fileError(ref.file, e)));
      if (reference.input.rowsInvalid > 0 && !params.skipInvalid)
        throw invalidRows(ref.file, reference.input);
      const cur = await nextFile("current");
      const current = await profileTable(cur.file, cur.table, {
        columns: reference.summaries.map((s) => s.name),
        kinds: Object.fromEntries(reference.summaries.map((s) => [s.name, s.kind])),
        naValues: params.na,
      }).catch((e: unknown) => Promise.reject(fileError(cur.file, e)));
      if (current.input.rowsInvalid > 0 && !params.skipInvalid) throw invalidRows(cur.file, current.input);
      const columns = reference.summaries.map((s, i) =>
        computeDrift(s, current.summaries[i]!, { bins: params.bins }),
      );
      payload = { kind: "drift", columns, reference: reference.input, current: current.input };
    } else {
      const { file, table } = await nextFile("file");
      payload = await classificationPayload(params, file, table);
    }
    const extra = await parts.next();
    if (!extra.done)
      throw invalidInput(
        `Unexpected part "${extra.value.name}" after the file(s) of a ${kind} measurement.`,
        {
          issues: [
            { path: extra.value.name, message: `a ${kind} upload has the parts ${filesOf(kind).join(", ")}` },
          ],
        },
      );

    const { title, modelRef, datasetRef, keepFile, ...computed } = params;
    const input: RecordMeasurementRunInput = {
      title,
      modelRef,
      datasetRef,
      parameters: { ...computed, files, uploaded: true },
      result: payload as RecordMeasurementRunInput["result"],
    };
    return await recordMeasurementRun(ctx, actor, meta, aiSystemId, input, {
      ...options,
      kept: keepFile ? { store: upload.storage().store, files: kept } : undefined,
    });
  } catch (e) {
    for (const k of kept) {
      const { store } = upload.storage();
      await removeBlobIfUnreferenced(ctx.database, store, k.sha256).catch(() => {});
    }
    throw e;
  }
}
