import { Uuid, type AiModelSummaryView, type AiModelView } from "@openaims/core";
import { usageError } from "../../exit-codes";
import { keyValues, table, type Column } from "../../output/format";

export function checkModelId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a model id (a UUID).`);
  return id;
}

const flop = (n: number | null) => (n === null ? "" : n.toExponential(2));

export const modelColumns: Column<AiModelSummaryView>[] = [
  { header: "ID", value: (m) => m.id },
  { header: "NAME", value: (m) => m.name, max: 40 },
  { header: "VERSION", value: (m) => m.modelVersion, max: 16 },
  { header: "TYPE", value: (m) => m.modelType, max: 24 },
  { header: "PROVIDER", value: (m) => m.provider, max: 24 },
  { header: "GPAI", value: (m) => (m.gpai ? "yes" : "") },
];

export const modelTable = (items: AiModelSummaryView[]) => table(items, modelColumns);

export function modelDetails(m: AiModelView): string {
  return keyValues([
    ["ID", m.id],
    ["Name", m.name],
    ["Version", m.modelVersion],
    ["Type", m.modelType],
    [
      "Provider",
      `${m.provider}${m.provider ? " " : ""}(${m.providerKind === "in_house" ? "in-house" : "third party"})`,
    ],
    ["Base model", m.baseModel],
    ["GPAI", m.gpai ? "yes" : "no"],
    ["Training compute", m.trainingComputeFlop === null ? "" : `${flop(m.trainingComputeFlop)} FLOP`],
    ["Licence", m.licence],
    ["Intended use", m.intendedUse],
    ["Limitations", m.limitations],
    ["Evaluation", m.evaluationSummary],
    ["Systems", m.links.map((l) => l.label).join("\n")],
    ["Archived", m.archivedAt ?? "no"],
    ["Version (record)", String(m.version)],
  ]);
}
