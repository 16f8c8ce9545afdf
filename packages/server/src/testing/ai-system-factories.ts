import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { tables } from "@openaims/db";
import type { TestClient, TestServer } from "./test-server";

type AiSystemInsert = typeof tables.aiSystems.$inferInsert;

/** AI systems written straight to the table (no audit events), for tests that need many quickly. */
export async function buildAiSystems(
  server: TestServer,
  orgId: string,
  count: number,
  make: (i: number) => Partial<AiSystemInsert> = () => ({}),
): Promise<(typeof tables.aiSystems.$inferSelect)[]> {
  const rows: AiSystemInsert[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    orgId,
    name: `System ${String(i).padStart(4, "0")}`,
    ...make(i),
  }));
  const out: (typeof tables.aiSystems.$inferSelect)[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await server.database.db
        .insert(tables.aiSystems)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  }
  return out;
}

export async function buildAiSystem(server: TestServer, orgId: string, fields: Partial<AiSystemInsert> = {}) {
  const [row] = await buildAiSystems(server, orgId, 1, () => fields);
  return row!;
}

/** Rows of each table an AI-system test may touch, for one org: to prove a request changed nothing. */
export async function orgFootprint(server: TestServer, orgId: string) {
  const { db } = server.database;
  const count = async (t: typeof tables.aiSystems | typeof tables.auditEvents) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(eq(t.orgId, orgId))
    )[0]!.n;
  const [head] = await db.select().from(tables.auditHeads).where(eq(tables.auditHeads.orgId, orgId));
  const [latest] = await db
    .select({ v: sql<number>`coalesce(sum(${tables.aiSystems.version}), 0)::int` })
    .from(tables.aiSystems)
    .where(eq(tables.aiSystems.orgId, orgId));
  return {
    aiSystems: await count(tables.aiSystems),
    versionSum: latest!.v,
    auditEvents: await count(tables.auditEvents),
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? null,
  };
}

/** POSTs a CSV file to the import endpoint. */
export function importCsv(client: TestClient, orgId: string, csv: string, query = "") {
  return client.request({
    method: "POST",
    url: `/api/v1/orgs/${orgId}/ai-systems/import${query ? `?${query}` : ""}`,
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
}
