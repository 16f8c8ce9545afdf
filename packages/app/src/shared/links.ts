import { and, eq, inArray, or } from "drizzle-orm";
import {
  diffLinks,
  findFramework,
  frameworkNodeRef,
  invalidInput,
  linkKey,
  parseFrameworkNodeRef,
  type LinkSourceType,
  type LinkTarget,
  type LinkTargetType,
  type LinkView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

/**
 * Resolves the targets of one type that exist in the org: returns id → label for those found. Each feature
 * registers its own record kind here (documents, evidence, applied controls …) when it lands.
 */
export type LinkTargetResolver = (db: Executor, orgId: string, ids: string[]) => Promise<Map<string, string>>;

const resolvers = new Map<LinkTargetType, LinkTargetResolver>();

export function registerLinkTarget(type: LinkTargetType, resolver: LinkTargetResolver): void {
  resolvers.set(type, resolver);
}

/** A framework node target is stored in its full form `frameworkId:nodeId`. */
function normalize(t: LinkTarget): LinkTarget {
  if (t.type !== "framework_node") return t;
  const { frameworkId, nodeId } = parseFrameworkNodeRef(t.id);
  return { type: t.type, id: frameworkNodeRef(frameworkId, nodeId) };
}

registerLinkTarget("framework_node", async (_db, _orgId, ids) => {
  const found = new Map<string, string>();
  for (const ref of ids) {
    const { frameworkId, nodeId } = parseFrameworkNodeRef(ref);
    const node = findFramework(frameworkId)?.nodes.find((n) => n.id === nodeId);
    if (node) found.set(ref, `${node.id} ${node.title}`);
  }
  return found;
});

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

registerLinkTarget("ai_system", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.aiSystems.id, name: tables.aiSystems.name })
    .from(tables.aiSystems)
    .where(and(eq(tables.aiSystems.orgId, orgId), inArray(tables.aiSystems.id, valid)));
  return new Map(rows.map((r) => [r.id, r.name]));
});

/** Resolves labels for targets; targets whose record no longer resolves get their id as label. */
export async function labelLinks(db: Executor, orgId: string, targets: LinkTarget[]): Promise<LinkView[]> {
  const byType = new Map<LinkTargetType, string[]>();
  for (const t of targets) byType.set(t.type, [...(byType.get(t.type) ?? []), t.id]);
  const labels = new Map<string, string>();
  for (const [type, ids] of byType) {
    const resolver = resolvers.get(type);
    if (!resolver) continue;
    for (const [id, label] of await resolver(db, orgId, ids)) labels.set(`${type}|${id}`, label);
  }
  return targets.map((t) => ({ ...t, label: labels.get(linkKey(t)) ?? t.id }));
}

/** Checks that every target exists in this org (another org's record is "unknown", like a 404). */
export async function validateLinkTargets(
  db: Executor,
  orgId: string,
  targets: LinkTarget[],
  path = "links",
): Promise<LinkTarget[]> {
  const normalized = targets.map(normalize);
  const idsByType = new Map<LinkTargetType, string[]>();
  for (const t of normalized) idsByType.set(t.type, [...(idsByType.get(t.type) ?? []), t.id]);
  const found = new Set<string>();
  for (const [type, ids] of idsByType) {
    const resolver = resolvers.get(type);
    if (resolver) for (const id of (await resolver(db, orgId, ids)).keys()) found.add(`${type}|${id}`);
  }
  const issues = normalized.flatMap((t, i) =>
    found.has(linkKey(t))
      ? []
      : [
          {
            path: `${path}.${i}`,
            message: resolvers.has(t.type)
              ? `no ${t.type.replaceAll("_", " ")} ${t.id} in this organization`
              : `records of type ${t.type} cannot be linked yet`,
          },
        ],
  );
  if (issues.length > 0) throw invalidInput(`Cannot link: ${issues[0]?.message}.`, { issues });
  return normalized;
}

/** The current targets of one source record. */
export async function linksOf(
  db: Executor,
  orgId: string,
  sourceType: LinkSourceType,
  sourceId: string,
): Promise<LinkTarget[]> {
  const rows = await db
    .select({ type: tables.recordLinks.targetType, id: tables.recordLinks.targetId })
    .from(tables.recordLinks)
    .where(
      and(
        eq(tables.recordLinks.orgId, orgId),
        eq(tables.recordLinks.sourceType, sourceType),
        eq(tables.recordLinks.sourceId, sourceId),
      ),
    )
    .orderBy(tables.recordLinks.targetType, tables.recordLinks.targetId);
  return rows as LinkTarget[];
}

/**
 * Makes a record's links exactly `targets` (validated first). Returns what changed, for the audit payload;
 * call inside the command's transaction.
 */
export async function replaceLinks(
  tx: Executor,
  orgId: string,
  source: { type: LinkSourceType; id: string },
  targets: LinkTarget[],
  userId: string | null,
): Promise<{ added: LinkTarget[]; removed: LinkTarget[] }> {
  const next = await validateLinkTargets(tx, orgId, targets);
  const current = await linksOf(tx, orgId, source.type, source.id);
  const { added, removed } = diffLinks(current, next);
  if (removed.length > 0)
    await tx
      .delete(tables.recordLinks)
      .where(
        and(
          eq(tables.recordLinks.orgId, orgId),
          eq(tables.recordLinks.sourceType, source.type),
          eq(tables.recordLinks.sourceId, source.id),
          or(
            ...removed.map((t) =>
              and(eq(tables.recordLinks.targetType, t.type), eq(tables.recordLinks.targetId, t.id)),
            ),
          ),
        ),
      );
  if (added.length > 0)
    await tx.insert(tables.recordLinks).values(
      added.map((t) => ({
        orgId,
        sourceType: source.type,
        sourceId: source.id,
        targetType: t.type,
        targetId: t.id,
        createdBy: userId,
      })),
    );
  return { added, removed };
}

/** Sources of one type that link to a target, e.g. the evidence linked to `framework_node iso…:A.2.2`. */
export async function sourcesLinkedTo(
  db: Executor,
  orgId: string,
  sourceType: LinkSourceType,
  target: LinkTarget,
): Promise<string[]> {
  const t = normalize(target);
  const rows = await db
    .select({ id: tables.recordLinks.sourceId })
    .from(tables.recordLinks)
    .where(
      and(
        eq(tables.recordLinks.orgId, orgId),
        eq(tables.recordLinks.sourceType, sourceType),
        eq(tables.recordLinks.targetType, t.type),
        eq(tables.recordLinks.targetId, t.id),
      ),
    );
  return rows.map((r) => r.id);
}
