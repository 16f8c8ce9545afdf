import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "./database";
import { inTransaction } from "./transaction";
import { prepareOnce, prepareShape } from "./prepared";
import { organizations } from "./schema";
import { createTestDatabase, testBackends } from "./testing";

for (const backend of testBackends()) {
  describe(`prepared statements on ${backend}`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDatabase(backend);
    });
    after(async () => database?.close());

    const byName = (db: Executor) =>
      prepareOnce(db, "test_org_by_name", (name) =>
        db
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.name, sql.placeholder("name")))
          .prepare(name),
      );

    it("builds a statement once per database and answers each execution with its own values", async () => {
      const { db } = database;
      const names = Array.from({ length: 8 }, (_, i) => `Prepared org ${i}`);
      const ids = await Promise.all(
        names.map(async (name) => (await db.insert(organizations).values({ name }).returning())[0]!.id),
      );
      assert.equal(byName(db), byName(db));
      // more executions than PostgreSQL's five custom plans, so the generic plan answers too
      for (let round = 0; round < 2; round++) {
        for (const [i, name] of names.entries()) {
          assert.deepEqual(await byName(db).execute({ name }), [{ id: ids[i] }]);
        }
      }
      assert.deepEqual(await byName(db).execute({ name: "nobody" }), []);
    });

    it("runs inside a transaction when prepared on it, seeing its uncommitted rows", async () => {
      await inTransaction(database, async (tx) => {
        const [row] = await tx.insert(organizations).values({ name: "Uncommitted org" }).returning();
        const found = await byName(tx).execute({ name: "Uncommitted org" });
        assert.deepEqual(found, [{ id: row!.id }]);
      });
    });

    it("stops preparing new shapes of a family past its limit but keeps the ones it has", () => {
      const { db } = database;
      const made: string[] = [];
      const shape = (key: string) =>
        prepareShape(db, "test_family", key, 2, (name) => {
          made.push(name);
          return { name };
        });
      const a = shape("a");
      assert.ok(a);
      assert.ok(shape("b"));
      assert.equal(shape("c"), null);
      assert.equal(shape("a"), a);
      assert.deepEqual(made, ["test_family_a", "test_family_b"]);
    });
  });
}
