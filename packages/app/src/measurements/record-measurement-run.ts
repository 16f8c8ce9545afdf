import { randomUUID } from "node:crypto";
import {
  authorize,
  conflict,
  decideAddEvidence,
  decideGenerateTask,
  evaluatePolicies,
  invalidState,
  measurementPolicy,
  MeasurementPolicyRule,
  RecordMeasurementRunInput,
  type Actor,
  type LinkTarget,
  type MeasurementKind,
  type MeasurementRunPayload,
  type MeasurementRunResult,
  type MeasurementRunView,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { eq } from "drizzle-orm";
import { activeOwnerName, findAiSystem, parseInput } from "../ai-systems/ai-system-records";
import { lockBlob, type BlobStore, type StoredBlob } from "../evidence/blob-store";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { policiesOf, policyTaskKey, presentRun } from "./measurement-records";

/**
 * The ISO/IEC 42001 nodes a run is evidence for: every run measures the AIMS's AI systems (9.1) and fairness and
 * performance runs verify and validate a system (A.6.2.4); drift watches a system in operation (A.6.2.6); fairness
 * (bias in the data the system decides on) and drift (the data changed) speak to data quality (A.7.4).
 */
export const evidenceNodesOf: Record<MeasurementKind, string[]> = {
  fairness: ["A.6.2.4", "A.7.4", "9.1"],
  performance: ["A.6.2.4", "9.1"],
  drift: ["A.6.2.6", "A.7.4", "9.1"],
};

const kindTitle: Record<MeasurementKind, string> = {
  fairness: "Fairness",
  performance: "Performance",
  drift: "Drift",
};

export interface RecordRunOptions {
  source: "manual" | "cli" | "api";
  /** where the run can be read (the evidence item is a link to it); the server passes its own API address */
  runUrl: (runId: string) => string;
  /** uploaded files kept as evidence (`keepFile`): already in `store`, each becomes an evidence item of kind file */
  kept?: { store: BlobStore; files: KeptFile[] };
}

/** A measured file stored in the evidence blob store. */
export interface KeptFile extends StoredBlob {
  filename: string;
  mediaType: string;
}

/** The system's owner when still an active member (the task goes to them), else nobody. */
async function activeOwner(tx: Executor, orgId: string, ownerId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  try {
    await activeOwnerName(tx, orgId, ownerId);
    return ownerId;
  } catch {
    return null;
  }
}

/** Splits what the CLI prints into the result core validates and the input summaries (the fingerprint). */
function split(payload: MeasurementRunPayload) {
  if (payload.kind === "drift") {
    const { reference, current, ...result } = payload;
    return {
      result: result as MeasurementRunResult,
      input: { reference, current },
      sha256: current.sha256,
      rowsUsed: current.rowsUsed,
      file: current.file ?? null,
      conventions: Object.fromEntries(payload.columns.map((c) => [c.column, c.conventions])),
    };
  }
  const { input, ...result } = payload;
  return {
    result: result as MeasurementRunResult,
    input,
    sha256: input.sha256,
    rowsUsed: input.rowsUsed,
    file: input.file ?? null,
    conventions: payload.conventions,
  };
}

/**
 * Stores a run computed elsewhere (the CLI's `--json` output), checks the AI system's policies against it, and in
 * the same transaction adds the evidence item it becomes (a link to the run, linked to the AI system and the
 * framework nodes of its kind) and, when a policy failed, opens a task (origin `measurement_policy_failed`, one per
 * run). Events: `measurement_run.recorded`, `evidence.added`, and `task.generated` on a failure.
 */
export async function recordMeasurementRun(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  aiSystemId: string,
  input: RecordMeasurementRunInput,
  options: RecordRunOptions,
): Promise<MeasurementRunView> {
  authorize(actor, measurementPolicy, "record", { aiSystemId });
  const fields = parseInput(RecordMeasurementRunInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const { row: system } = await findAiSystem(tx, actor.orgId, aiSystemId);
    if (system.archivedAt)
      throw invalidState("This AI system is archived; restore it before recording measurements.");
    const kind = fields.result.kind;
    const parts = split(fields.result);
    const policyRows = await policiesOf(tx, actor.orgId, aiSystemId);
    const outcome = evaluatePolicies(
      parts.result,
      policyRows.map((p) => ({ id: p.id, rule: MeasurementPolicyRule.parse(p.rule) })),
    );
    const id = randomUUID();
    const evidenceId = randomUUID();
    const now = ctx.now();
    const title = fields.title ?? `${kindTitle[kind]} measurement${parts.file ? ` of ${parts.file}` : ""}`;
    const verdict =
      outcome.status === "fail"
        ? `${outcome.failed} policy rule(s) failed`
        : outcome.status === "pass"
          ? "every policy rule passed"
          : "no policy applied";

    // The evidence item first: the run row references it.
    const evidenceTitle = `${title} — ${system.name}`.slice(0, 300);
    const url = options.runUrl(id);
    const description =
      `${kindTitle[kind]} measurement recorded by OpenAIMS: ${parts.rowsUsed} rows, input SHA-256 ${parts.sha256}; ` +
      `${verdict}.`;
    await tx.insert(tables.evidence).values({
      id: evidenceId,
      orgId: actor.orgId,
      kind: "link",
      title: evidenceTitle,
      description,
      url,
      collectedAt: now,
      source: options.source,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const targets: LinkTarget[] = [
      { type: "ai_system", id: aiSystemId },
      ...evidenceNodesOf[kind].map((n) => ({
        type: "framework_node" as const,
        id: `iso-iec-42001-2023:${n}`,
      })),
    ];
    const { added } = await replaceLinks(
      tx,
      actor.orgId,
      { type: "evidence", id: evidenceId },
      targets,
      actor.userId,
    );

    await tx.insert(tables.measurementRuns).values({
      id,
      orgId: actor.orgId,
      aiSystemId,
      kind,
      title,
      modelRef: fields.modelRef,
      datasetRef: fields.datasetRef,
      sha256: parts.sha256,
      rowsUsed: parts.rowsUsed,
      input: parts.input,
      parameters: fields.parameters,
      conventions: parts.conventions,
      result: parts.result,
      policyStatus: outcome.status,
      policyOutcome: outcome,
      evidenceId,
      source: options.source,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });

    const fileEvents: PendingEvent[] = [];
    for (const file of options.kept?.files ?? []) {
      await lockBlob(tx, file.sha256);
      if (!(await options.kept!.store.has(file.sha256, tx)))
        throw conflict("The same file was being deleted while this upload finished; send it again.");
      const fileEvidenceId = randomUUID();
      const fileTitle = `${file.filename} — ${title}`.slice(0, 300);
      await tx.insert(tables.evidence).values({
        id: fileEvidenceId,
        orgId: actor.orgId,
        kind: "file",
        title: fileTitle,
        description: `The file measured by ${url} (SHA-256 ${file.sha256}).`,
        sha256: file.sha256,
        sizeBytes: file.size,
        mediaType: file.mediaType,
        filename: file.filename,
        collectedAt: now,
        source: options.source,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      const linked = await replaceLinks(
        tx,
        actor.orgId,
        { type: "evidence", id: fileEvidenceId },
        targets,
        actor.userId,
      );
      fileEvents.push(
        decideAddEvidence(fileEvidenceId, {
          kind: "file",
          title: fileTitle,
          url: null,
          source: options.source,
          validUntil: null,
          file: { sha256: file.sha256, size: file.size, mediaType: file.mediaType, filename: file.filename },
          links: linked.added,
        }),
      );
    }

    const events: PendingEvent[] = [
      ...fileEvents,
      decideAddEvidence(evidenceId, {
        kind: "link",
        title: evidenceTitle,
        url,
        source: options.source,
        validUntil: null,
        file: null,
        links: added,
      }),
      {
        type: "measurement_run.recorded",
        entityType: "measurement_run",
        entityId: id,
        payload: {
          aiSystemId,
          kind,
          title,
          sha256: parts.sha256,
          rowsUsed: parts.rowsUsed,
          modelRef: fields.modelRef,
          datasetRef: fields.datasetRef,
          policyStatus: outcome.status,
          failures: outcome.rules.filter((r) => r.status === "fail").map((r) => r.label),
          evidenceId,
          ...(fileEvents.length > 0 ? { fileEvidenceIds: fileEvents.map((e) => e.entityId) } : {}),
        },
      },
    ];

    let taskId: string | null = null;
    if (outcome.status === "fail") {
      const failed = outcome.rules.filter((r) => r.status === "fail");
      const spec = {
        origin: "measurement_policy_failed" as const,
        originKey: policyTaskKey(id),
        title: `Measurement policy failed: ${system.name} (${kind})`.slice(0, 300),
        description: [
          `The ${kind} measurement "${title}" of ${system.name} did not meet ${failed.length} of its policy rules:`,
          ...failed.flatMap((r) => [`- ${r.label}`, ...r.failures.slice(0, 20).map((f) => `  - ${f}`)]),
          `Input SHA-256 ${parts.sha256}, ${parts.rowsUsed} rows. Investigate, act, and record a new run.`,
        ]
          .join("\n")
          .slice(0, 10_000),
        assigneeId: await activeOwner(tx, actor.orgId, system.ownerId),
        dueDate: null,
        priority: "high" as const,
        subject: { type: "ai_system" as const, id: aiSystemId },
      };
      const newTaskId = randomUUID();
      const inserted = await tx
        .insert(tables.tasks)
        .values({
          id: newTaskId,
          orgId: actor.orgId,
          title: spec.title,
          description: spec.description,
          assigneeId: spec.assigneeId,
          dueDate: null,
          priority: spec.priority,
          subjectType: "ai_system",
          subjectId: aiSystemId,
          origin: spec.origin,
          originKey: spec.originKey,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: tables.tasks.id });
      if (inserted.length > 0) {
        taskId = newTaskId;
        events.push(decideGenerateTask(newTaskId, actor.orgId, spec));
      }
    }
    const [row] = await tx.select().from(tables.measurementRuns).where(eq(tables.measurementRuns.id, id));
    return { result: presentRun(row!, taskId), events };
  });
}
