import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  aiModelPolicy,
  authorize,
  inheritedAttention,
  InventoryGraphQuery,
  notFound,
  vendorAttention,
  type Actor,
  type ComponentAttention,
  type InventoryEdge,
  type InventoryGraphView,
  type InventoryNode,
  type InventoryNodeType,
  type VendorRiskRating,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";

const {
  recordLinks: rl,
  aiSystems,
  aiModels,
  datasets,
  vendors,
  vendorQuestionnaireResponses: responses,
} = tables;
const MAX_DEPTH = 2;
const MAX_NODES = 100;
const sources = ["ai_model", "dataset", "vendor"];
const targets = ["ai_system", "ai_model", "dataset"];
const keyOf = (type: string, id: string) => `${type}:${id}`;

/** Component links (model → system, dataset → system/model, vendor → system/model/dataset) reachable from the root. */
async function reachable(db: Executor, orgId: string, type: string, id: string) {
  const srcList = sql.join(
    sources.map((s) => sql`${s}`),
    sql`, `,
  );
  const tgtList = sql.join(
    targets.map((t) => sql`${t}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with recursive walk(type, id, depth) as (
      select ${type}::text, ${id}::text, 0
      union
      select case when l.source_type = w.type and l.source_id = w.id then l.target_type else l.source_type end,
             case when l.source_type = w.type and l.source_id = w.id then l.target_id else l.source_id end,
             w.depth + 1
      from walk w
      join record_links l on l.org_id = ${orgId}
        and l.source_type in (${srcList}) and l.target_type in (${tgtList})
        and ((l.source_type = w.type and l.source_id = w.id) or (l.target_type = w.type and l.target_id = w.id))
      where w.depth < ${MAX_DEPTH}
    )
    select type, id, min(depth)::int as depth from walk group by type, id order by 3, 1, 2`);
  const rows = (result as unknown as { rows: { type: string; id: string; depth: number }[] }).rows;
  return rows.map((r) => ({ type: r.type as InventoryNodeType, id: r.id, depth: Number(r.depth) }));
}

/** Vendor links to any of the given systems, models and datasets (one query). */
async function vendorLinksTo(
  db: Executor,
  orgId: string,
  targetIds: Record<"ai_system" | "ai_model" | "dataset", string[]>,
) {
  const wanted = Object.entries(targetIds).filter(([, ids]) => ids.length > 0);
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ sourceId: rl.sourceId, targetType: rl.targetType, targetId: rl.targetId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, orgId),
        eq(rl.sourceType, "vendor"),
        inArray(
          rl.targetType,
          wanted.map(([t]) => t),
        ),
        inArray(
          rl.targetId,
          wanted.flatMap(([, ids]) => ids),
        ),
      ),
    );
  const ok = new Set(wanted.flatMap(([t, ids]) => ids.map((i) => keyOf(t, i))));
  return rows.filter((r) => ok.has(keyOf(r.targetType, r.targetId)));
}

/** Links stored by `sourceTypes` records pointing at `targetIds` of one type. */
async function linksTo(
  db: Executor,
  orgId: string,
  sourceTypes: string[],
  targetType: string,
  targetIds: string[],
) {
  if (targetIds.length === 0) return [];
  return db
    .select({ sourceType: rl.sourceType, sourceId: rl.sourceId, targetId: rl.targetId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, orgId),
        inArray(rl.sourceType, sourceTypes),
        eq(rl.targetType, targetType),
        inArray(rl.targetId, targetIds),
      ),
    );
}

async function labelled(db: Executor, orgId: string, ids: Record<InventoryNodeType, string[]>) {
  const pick = async <T>(list: string[], run: (ids: string[]) => Promise<T[]>) =>
    list.length === 0 ? [] : run(list);
  const [sys, mod, ds, ven, latest] = await Promise.all([
    pick(ids.ai_system, (l) =>
      db
        .select({ id: aiSystems.id, name: aiSystems.name, archivedAt: aiSystems.archivedAt })
        .from(aiSystems)
        .where(and(eq(aiSystems.orgId, orgId), inArray(aiSystems.id, l))),
    ),
    pick(ids.ai_model, (l) =>
      db
        .select({
          id: aiModels.id,
          name: aiModels.name,
          modelVersion: aiModels.modelVersion,
          gpai: aiModels.gpai,
          archivedAt: aiModels.archivedAt,
        })
        .from(aiModels)
        .where(and(eq(aiModels.orgId, orgId), inArray(aiModels.id, l))),
    ),
    pick(ids.dataset, (l) =>
      db
        .select({
          id: datasets.id,
          name: datasets.name,
          specialCategories: datasets.specialCategories,
          archivedAt: datasets.archivedAt,
        })
        .from(datasets)
        .where(and(eq(datasets.orgId, orgId), inArray(datasets.id, l))),
    ),
    pick(ids.vendor, (l) =>
      db
        .select({
          id: vendors.id,
          name: vendors.name,
          riskRating: vendors.riskRating,
          reviewDate: vendors.reviewDate,
          archivedAt: vendors.archivedAt,
        })
        .from(vendors)
        .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, l))),
    ),
    // the latest completed due-diligence response per vendor (its concerns raise a flag)
    pick(ids.vendor, (l) =>
      db
        .selectDistinctOn([responses.vendorId], {
          vendorId: responses.vendorId,
          concerns: responses.concernCount,
        })
        .from(responses)
        .where(and(eq(responses.orgId, orgId), inArray(responses.vendorId, l)))
        .orderBy(responses.vendorId, desc(responses.number)),
    ),
  ]);
  const concerns = new Map(latest.map((r) => [r.vendorId, r.concerns]));
  const vendorFacts = ven.map((v) => ({
    ...v,
    riskRating: v.riskRating as VendorRiskRating | null,
    latestConcerns: concerns.get(v.id) ?? null,
  }));
  return { sys, mod, ds, ven: vendorFacts };
}

/**
 * The component graph around one inventory record: AI systems, models, datasets and vendors within two links of
 * the root (at most 100 nodes, nearest first), the component links between them, and attention flags — on each
 * system the flags its live components pass on (the same rule as `…/components`, complete even when a
 * component lies outside the graph) and from the vendors supplying them (core `vendorAttention`), on a model,
 * dataset or vendor the flags it raises itself. Another org's root is a 404.
 */
export async function getInventoryGraph(
  ctx: AppContext,
  actor: Actor,
  input: InventoryGraphQuery,
): Promise<InventoryGraphView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { root } = parseInput(InventoryGraphQuery, input);
  const at = root.indexOf(":");
  const rootType = root.slice(0, at) as InventoryNodeType;
  const rootId = root.slice(at + 1).toLowerCase();
  const db = ctx.database.db;
  const orgId = actor.orgId;

  const walked = await reachable(db, orgId, rootType, rootId);
  const kept = walked.slice(0, MAX_NODES);
  const idsOf = (type: InventoryNodeType, list = kept) =>
    list.filter((n) => n.type === type).map((n) => n.id);
  const systemIds = idsOf("ai_system");
  // the components of every system in the graph, for complete inherited flags
  const sysLinks = await linksTo(db, orgId, ["ai_model", "dataset"], "ai_system", systemIds);
  const sysModelIds = [
    ...new Set(sysLinks.filter((l) => l.sourceType === "ai_model").map((l) => l.sourceId)),
  ];
  const viaModel = await linksTo(db, orgId, ["dataset"], "ai_model", sysModelIds);
  const sysDatasetIds = [
    ...new Set(
      sysLinks
        .concat(viaModel)
        .filter((l) => l.sourceType === "dataset")
        .map((l) => l.sourceId),
    ),
  ];
  const supplied = await vendorLinksTo(db, orgId, {
    ai_system: systemIds,
    ai_model: sysModelIds,
    dataset: sysDatasetIds,
  });
  const facts = await labelled(db, orgId, {
    ai_system: systemIds,
    ai_model: [...new Set([...idsOf("ai_model"), ...sysModelIds])],
    dataset: [...new Set([...idsOf("dataset"), ...sysDatasetIds])],
    vendor: [...new Set([...idsOf("vendor"), ...supplied.map((l) => l.sourceId)])],
  });
  const found = new Set<string>([
    ...facts.sys.map((r) => keyOf("ai_system", r.id)),
    ...facts.mod.map((r) => keyOf("ai_model", r.id)),
    ...facts.ds.map((r) => keyOf("dataset", r.id)),
    ...facts.ven.map((r) => keyOf("vendor", r.id)),
  ]);
  if (!found.has(keyOf(rootType, rootId))) throw notFound("Record");

  const model = new Map(facts.mod.map((m) => [m.id, m]));
  const dataset = new Map(facts.ds.map((d) => [d.id, d]));
  const vendor = new Map(facts.ven.map((v) => [v.id, v]));
  const now = ctx.now();
  const vendorsOf = (targets: Set<string>) =>
    [
      ...new Set(supplied.filter((l) => targets.has(`${l.targetType}:${l.targetId}`)).map((l) => l.sourceId)),
    ].flatMap((v) => (vendor.has(v) ? [vendor.get(v)!] : []));
  const attentionOf = (type: InventoryNodeType, id: string): ComponentAttention[] => {
    if (type === "ai_model") return inheritedAttention([model.get(id)!].filter(Boolean));
    if (type === "dataset") return inheritedAttention([], [dataset.get(id)!].filter(Boolean));
    if (type === "vendor") return vendor.has(id) ? vendorAttention([vendor.get(id)!], now) : [];
    const mine = sysLinks.filter((l) => l.targetId === id);
    const modelIds = new Set(mine.filter((l) => l.sourceType === "ai_model").map((l) => l.sourceId));
    const dsIds = new Set([
      ...mine.filter((l) => l.sourceType === "dataset").map((l) => l.sourceId),
      ...viaModel.filter((l) => modelIds.has(l.targetId)).map((l) => l.sourceId),
    ]);
    const reach = new Set([
      keyOf("ai_system", id),
      ...[...modelIds].map((m) => keyOf("ai_model", m)),
      ...[...dsIds].map((d) => keyOf("dataset", d)),
    ]);
    return [
      ...inheritedAttention(
        [...modelIds].flatMap((m) => (model.has(m) ? [model.get(m)!] : [])),
        [...dsIds].flatMap((d) => (dataset.has(d) ? [dataset.get(d)!] : [])),
      ),
      ...vendorAttention(vendorsOf(reach), now),
    ];
  };
  const label = new Map<string, { label: string; archived: boolean }>([
    ...facts.sys.map(
      (r) => [keyOf("ai_system", r.id), { label: r.name, archived: r.archivedAt !== null }] as const,
    ),
    ...facts.mod.map(
      (r) =>
        [
          keyOf("ai_model", r.id),
          { label: r.modelVersion ? `${r.name} ${r.modelVersion}` : r.name, archived: r.archivedAt !== null },
        ] as const,
    ),
    ...facts.ds.map(
      (r) => [keyOf("dataset", r.id), { label: r.name, archived: r.archivedAt !== null }] as const,
    ),
    ...facts.ven.map(
      (r) => [keyOf("vendor", r.id), { label: r.name, archived: r.archivedAt !== null }] as const,
    ),
  ]);
  const nodes: InventoryNode[] = kept.flatMap((n) => {
    const key = keyOf(n.type, n.id);
    const l = label.get(key);
    // a link whose record is gone (deleted ids are never reused) is left out rather than shown unnamed
    return l
      ? [{ key, type: n.type, id: n.id, depth: n.depth, ...l, attention: attentionOf(n.type, n.id) }]
      : [];
  });
  const inGraph = new Set(nodes.map((n) => n.key));
  const edges = await edgesAmong(db, orgId, nodes, inGraph);
  return { root: keyOf(rootType, rootId), nodes, edges, truncated: walked.length > MAX_NODES };
}

/** The component links whose both ends are in the graph (one query). */
async function edgesAmong(
  db: Executor,
  orgId: string,
  nodes: InventoryNode[],
  inGraph: Set<string>,
): Promise<InventoryEdge[]> {
  const ids = nodes.map((n) => n.id);
  if (ids.length < 2) return [];
  const rows = await db
    .select({ st: rl.sourceType, si: rl.sourceId, tt: rl.targetType, ti: rl.targetId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, orgId),
        inArray(rl.sourceType, sources),
        inArray(rl.targetType, targets),
        inArray(rl.sourceId, ids),
        inArray(rl.targetId, ids),
      ),
    )
    .orderBy(rl.sourceType, rl.sourceId, rl.targetType, rl.targetId);
  return rows
    .map((r) => ({ from: keyOf(r.st, r.si), to: keyOf(r.tt, r.ti) }))
    .filter((e) => inGraph.has(e.from) && inGraph.has(e.to));
}
