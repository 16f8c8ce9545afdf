// The readiness benchmark: an org with 500 AI systems, 5,000 evidence items (each linked twice), all 38 SoA
// entries in an approved version, documents and every other area's records; readiness computed in-process and
// over HTTP, next to a plain SQL count over the same tables in the same run.
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { actorInOrg, createAppContext, getReadiness, hashSecret, newSecret } from "@openaims/app";
import { documentTemplates, iso42001_2023, type Actor } from "@openaims/core";
import { inTransaction, startAuditChain, tables, type Database } from "@openaims/db";
import type { Seeded } from "./seed";

const FW = "iso-iec-42001-2023";
const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 50;

const controlIds = iso42001_2023.nodes.filter((n) => n.kind === "control").map((n) => n.id);
const nodeIds = iso42001_2023.nodes
  .filter((n) => n.kind === "requirement" || n.kind === "control")
  .map((n) => n.id);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** `insert into <table> (<cols>) values …` in statements of at most 1,000 rows. */
async function insertRows(database: Database, table: string, cols: string[], rows: SQL[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows.slice(i, i + 1000).map((r) => sql`(${sql.join(r, sql`, `)})`);
    await database.db.execute(
      sql`insert into ${sql.identifier(table)} (${sql.raw(cols.join(", "))}) values ${sql.join(values, sql`, `)} on conflict do nothing`,
    );
  }
}

const v = (x: unknown): SQL => sql`${x}`;

export interface ReadinessSeed extends Seeded {
  links: number;
}

/** An org of its own (the full run has already bootstrapped the instance), an owner with a token, 500 systems. */
async function seedOrgWithSystems(database: Database, systems: number): Promise<Seeded> {
  const orgId = randomUUID();
  const token = newSecret("oa_");
  const userId = await inTransaction(database, async (tx) => {
    const [user] = await tx
      .insert(tables.users)
      .values({ email: `readiness-${orgId.slice(0, 8)}@example.test`, name: "Bench owner" })
      .returning();
    await tx.insert(tables.organizations).values({ id: orgId, name: "Readiness bench" });
    await startAuditChain(tx, orgId);
    await tx.insert(tables.memberships).values({ orgId, userId: user!.id, role: "owner" });
    await tx.insert(tables.apiTokens).values({
      orgId,
      userId: user!.id,
      name: "bench",
      role: "owner",
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 10),
    });
    return user!.id;
  });
  const systemIds = Array.from({ length: systems }, () => randomUUID());
  await insertRows(
    database,
    "ai_systems",
    ["id", "org_id", "name", "purpose", "owner_id"],
    systemIds.map((id, i) => [id, orgId, `System ${i}`, i % 50 ? `Purpose ${i}` : "", userId].map(v)),
  );
  return { orgId, userId, token, systemIds };
}

export async function seedReadiness(database: Database): Promise<ReadinessSeed> {
  const seeded = await seedOrgWithSystems(database, 500);
  const { orgId, userId } = seeded;
  const link = (source: string, sid: string, target: string, tid: string) =>
    [orgId, source, sid, target, tid].map(v);
  const links: SQL[][] = [];

  // Documents: the five starter templates published, plus 45 more (some drafts, some past review).
  const docRows: SQL[][] = [];
  documentTemplates.forEach((t) => {
    const id = randomUUID();
    docRows.push([id, orgId, t.title, t.kind, t.key, "published", 1, sql`now()`, day(200)].map(v));
    for (const n of t.links) links.push(link("document", id, "framework_node", `${FW}:${n}`));
  });
  for (let i = 0; i < 45; i++) {
    const id = randomUUID();
    const published = i % 3 !== 0;
    docRows.push(
      [
        id,
        orgId,
        `Document ${i}`,
        i % 2 ? "procedure" : "record",
        null,
        published ? "published" : "draft",
        published ? 1 : null,
        published ? sql`now()` : null,
        published ? day(i % 5 === 0 ? -10 : 100) : null,
      ].map(v),
    );
    links.push(link("document", id, "framework_node", `${FW}:${nodeIds[i % nodeIds.length]}`));
  }
  await insertRows(
    database,
    "documents",
    [
      "id",
      "org_id",
      "title",
      "kind",
      "template_key",
      "status",
      "published_version",
      "published_at",
      "next_review_at",
    ],
    docRows,
  );

  // SoA: every Annex A control applicable, implemented, owned; the same state frozen in an approved version.
  const entryIds = controlIds.map(() => randomUUID());
  await insertRows(
    database,
    "soa_entries",
    [
      "id",
      "org_id",
      "framework_id",
      "control_id",
      "applicable",
      "justification",
      "implementation_status",
      "owner_id",
    ],
    controlIds.map((c, i) =>
      [entryIds[i], orgId, FW, c, true, `Needed for ${c}`, "implemented", userId].map(v),
    ),
  );
  const snapshot = {
    frameworkId: FW,
    entries: controlIds.map((c) => ({
      controlId: c,
      kind: "annex_a",
      applicable: true,
      justification: `Needed for ${c}`,
      implementationStatus: "implemented",
      ownerId: userId,
    })),
  };
  await database.db
    .execute(sql`insert into soa_versions (org_id, number, status, snapshot, decided_at, decided_by)
    values (${orgId}, 1, 'approved', ${JSON.stringify(snapshot)}::jsonb, now(), ${userId})`);

  // 100 applied controls, each linked to two nodes.
  const acIds = Array.from({ length: 100 }, () => randomUUID());
  await insertRows(
    database,
    "applied_controls",
    ["id", "org_id", "name", "status"],
    acIds.map((id, i) => [id, orgId, `Control ${i}`, i % 4 ? "implemented" : "planned"].map(v)),
  );
  acIds.forEach((id, i) => {
    links.push(link("applied_control", id, "framework_node", `${FW}:${controlIds[i % controlIds.length]}`));
    links.push(link("applied_control", id, "framework_node", `${FW}:${nodeIds[(i * 7) % nodeIds.length]}`));
  });

  // Evidence: one in ten expired; each linked to an AI system and to a node, SoA entry or applied control.
  const evRows: SQL[][] = [];
  for (let i = 0; i < EVIDENCE; i++) {
    const id = randomUUID();
    const validUntil = i % 10 === 0 ? day(-(i % 300) - 1) : i % 3 === 0 ? null : day((i % 400) + 1);
    evRows.push([id, orgId, "link", `Evidence ${i}`, `https://example.test/${i}`, "api", validUntil].map(v));
    links.push(link("evidence", id, "ai_system", seeded.systemIds[i % seeded.systemIds.length]!));
    if (i % 3 === 0)
      links.push(link("evidence", id, "framework_node", `${FW}:${nodeIds[i % nodeIds.length]}`));
    else if (i % 3 === 1) links.push(link("evidence", id, "soa_entry", entryIds[i % entryIds.length]!));
    else links.push(link("evidence", id, "applied_control", acIds[i % acIds.length]!));
  }
  await insertRows(
    database,
    "evidence",
    ["id", "org_id", "kind", "title", "url", "source", "valid_until"],
    evRows,
  );
  await insertRows(
    database,
    "record_links",
    ["org_id", "source_type", "source_id", "target_type", "target_id"],
    links,
  );

  // Scope, context, RACI, objectives.
  await database.db.execute(sql`insert into scope_versions (org_id, number, status, statement, approved_at)
    values (${orgId}, 1, 'approved', 'All AI systems', now())`);
  await insertRows(
    database,
    "context_issues",
    ["org_id", "kind", "topic", "title", "review_date"],
    Array.from({ length: 30 }, (_, i) =>
      [orgId, i % 2 ? "internal" : "external", "other", `Issue ${i}`, day(i - 5)].map(v),
    ),
  );
  const partyIds = Array.from({ length: 20 }, () => randomUUID());
  await insertRows(
    database,
    "interested_parties",
    ["id", "org_id", "name", "type"],
    partyIds.map((id, i) => [id, orgId, `Party ${i}`, "customer"].map(v)),
  );
  await insertRows(
    database,
    "interested_party_requirements",
    ["org_id", "party_id", "text", "addressed"],
    Array.from({ length: 60 }, (_, i) =>
      [orgId, partyIds[i % 20], `Requirement ${i}`, i % 7 ? "yes" : null].map(v),
    ),
  );
  await database.db.execute(sql`insert into org_ai_roles (org_id, role) values (${orgId}, 'provider')`);
  const activityIds = Array.from({ length: 15 }, () => randomUUID());
  await insertRows(
    database,
    "raci_activities",
    ["id", "org_id", "title", "position"],
    activityIds.map((id, i) => [id, orgId, `Activity ${i}`, i].map(v)),
  );
  await insertRows(
    database,
    "raci_assignments",
    ["org_id", "activity_id", "party_type", "party_key", "letter"],
    activityIds.flatMap((id) => [
      [orgId, id, "role", "owner", "A"].map(v),
      [orgId, id, "role", "contributor", "R"].map(v),
    ]),
  );
  const objectiveIds = Array.from({ length: 20 }, () => randomUUID());
  await insertRows(
    database,
    "objectives",
    ["id", "org_id", "title", "measure", "target", "start_date", "due_date", "owner_id"],
    objectiveIds.map((id, i) =>
      [id, orgId, `Objective ${i}`, "rate", 0.9, day(-100), day(100), userId].map(v),
    ),
  );
  await insertRows(
    database,
    "objective_progress",
    ["org_id", "objective_id", "value", "observed_at", "source"],
    Array.from({ length: 200 }, (_, i) =>
      [orgId, objectiveIds[i % 20], 0.5 + i / 1000, sql`now()`, "manual"].map(v),
    ),
  );
  return { ...seeded, links: links.length };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timed(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(); // warm-up: prepared plans, JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Seeds, then measures readiness in-process (and over HTTP when `apiBase` is given) against a plain count. */
export async function benchReadiness(
  database: Database,
  out: (s?: string) => void,
  http?: (seed: ReadinessSeed) => Promise<{ base: string; stop: () => void }>,
): Promise<void> {
  let t = performance.now();
  const seed = await seedReadiness(database);
  await database.pool?.query("vacuum analyze");
  out(
    `Seeded 500 AI systems, ${EVIDENCE} evidence items, ${seed.links} record links, 38 SoA entries, 50 documents … ` +
      `in ${((performance.now() - t) / 1000).toFixed(1)} s (batched, ≤ 1,000 rows per statement).`,
  );
  const ctx = createAppContext(database);
  const actor: Actor = await actorInOrg(
    ctx,
    {
      userId: seed.userId,
      email: "",
      name: "",
      isInstanceAdmin: false,
      via: "session",
      sessionId: null,
      csrfToken: null,
      token: null,
    },
    seed.orgId,
  );
  const view = await getReadiness(ctx, actor);
  out(
    `Readiness of the seeded org: ${view.percent} % (${view.counts.ready} ready, ${view.counts.partial} partial, ${view.counts.missing} missing).`,
  );

  const inProcess = await timed(RUNS, () => getReadiness(ctx, actor));
  // The baseline: one plain statement counting the rows of the same tables, no joins, no evaluation.
  const count = () =>
    database.db.execute(sql`select
      (select count(*) from evidence where org_id = ${seed.orgId}) as evidence,
      (select count(*) from record_links where org_id = ${seed.orgId}) as links,
      (select count(*) from ai_systems where org_id = ${seed.orgId}) as systems,
      (select count(*) from soa_entries where org_id = ${seed.orgId}) as soa,
      (select count(*) from documents where org_id = ${seed.orgId}) as documents`);
  const bare = await timed(RUNS, count);

  out();
  out(`## Readiness (${RUNS} sequential runs each after 10 warm-up runs, PostgreSQL)`);
  out();
  out("| measurement | p50 ms | p99 ms |");
  out("|---|---|---|");
  out(
    `| plain SQL count over evidence, record_links, ai_systems, soa_entries, documents | ${bare.p50.toFixed(2)} | ${bare.p99.toFixed(2)} |`,
  );
  out(
    `| readiness in-process (\`getReadiness\`: 4 aggregate queries + evaluation of 70 rules) | ${inProcess.p50.toFixed(2)} | ${inProcess.p99.toFixed(2)} |`,
  );
  let httpLine = "";
  if (http) {
    const server = await http(seed);
    try {
      const url = `${server.base}/api/v1/orgs/${seed.orgId}/readiness`;
      const headers = { authorization: `Bearer ${seed.token}` };
      const viaHttp = await timed(RUNS, async () => {
        const res = await fetch(url, { headers });
        if (!res.ok) throw new Error(`readiness: HTTP ${res.status}`);
        await res.arrayBuffer();
      });
      out(
        `| readiness over HTTP (\`GET …/readiness\`, auth + serialization, ~${Math.round(JSON.stringify(view).length / 1024)} kB) | ${viaHttp.p50.toFixed(2)} | ${viaHttp.p99.toFixed(2)} |`,
      );
      httpLine = `, over HTTP p99 ${viaHttp.p99.toFixed(1)} ms`;
    } finally {
      server.stop();
    }
  }
  out();
  out(
    `Readiness / plain count (p50): ${(inProcess.p50 / bare.p50).toFixed(1)}×. ` +
      `Readiness in-process p99 ${inProcess.p99.toFixed(1)} ms${httpLine} (target ≤ ${TARGET_MS} ms).`,
  );
}
