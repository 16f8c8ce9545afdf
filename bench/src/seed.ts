import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { bootstrapInstance, createAppContext, hashSecret, newSecret } from "@openaims/app";
import { appendAuditEvents, inTransaction, tables, type Database } from "@openaims/db";
import type { PendingEvent } from "@openaims/core";

const stages = ["idea", "design", "development", "validation", "deployed", "monitoring", "retired"];
const types = ["ml", "generative", "rule_based", "agentic", "other"];

export interface Seeded {
  orgId: string;
  userId: string;
  token: string;
  systemIds: string[];
}

/** An owner, a token and `systems` AI systems, inserted in batches of 1,000 rows per statement. */
export async function seedSystems(database: Database, systems: number): Promise<Seeded> {
  const ctx = createAppContext(database);
  const { orgId, userId } = await bootstrapInstance(ctx, {
    email: `bench-${randomUUID().slice(0, 6)}@example.test`,
    password: "bench password 1234",
    org: "Bench Ltd",
  });
  const token = newSecret("oa_");
  await database.db.insert(tables.apiTokens).values({
    orgId,
    userId,
    name: "bench",
    role: "owner",
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 10),
  });
  const systemIds: string[] = [];
  for (let start = 0; start < systems; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(systems, start + 1000); i++) {
      const id = randomUUID();
      systemIds.push(id);
      rows.push(
        sql`(${id}, ${orgId}, ${`System ${String(i).padStart(5, "0")}`}, ${`Purpose of system ${i}`}, ${userId}, ${stages[i % stages.length]}, ${types[i % types.length]}, ${JSON.stringify(["provider"])}::jsonb, ${JSON.stringify([`team-${i % 20}`])}::jsonb)`,
      );
    }
    await database.db.execute(
      sql`insert into ai_systems (id, org_id, name, purpose, owner_id, lifecycle_stage, ai_type, ai_roles, tags) values ${sql.join(rows, sql`, `)}`,
    );
  }
  return { orgId, userId, token, systemIds };
}

/** `count` audit events on the org's chain, appended in transactions of 1,000. */
export async function seedAuditEvents(database: Database, orgId: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const events: PendingEvent[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      events.push({
        type: "ai_system.updated",
        entityType: "ai_system",
        entityId: randomUUID(),
        payload: { diff: { lifecycleStage: ["design", "development"], tags: [["a"], ["a", `b${i}`]] } },
      });
    }
    await inTransaction(database, (tx) =>
      appendAuditEvents(
        tx,
        orgId,
        { actorType: "system", actorId: null, requestId: "bench", occurredAt: new Date() },
        events,
      ),
    );
  }
}
