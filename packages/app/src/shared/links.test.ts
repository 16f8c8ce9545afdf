import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { DomainError } from "@openaims/core";
import { inTransaction, tables, type Database } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { labelLinks, linksOf, replaceLinks, sourcesLinkedTo, validateLinkTargets } from "./links";

for (const backend of testBackends()) {
  describe(`record links on ${backend}`, () => {
    let database: Database;
    const orgId = randomUUID();
    const otherOrgId = randomUUID();
    let systemId: string;
    let foreignSystemId: string;
    const source = { type: "evidence" as const, id: randomUUID() };

    before(async () => {
      database = await createTestDatabase(backend);
      await database.db.insert(tables.organizations).values([
        { id: orgId, name: "Org" },
        { id: otherOrgId, name: "Other" },
      ]);
      const [own] = await database.db.insert(tables.aiSystems).values({ orgId, name: "Scorer" }).returning();
      const [foreign] = await database.db
        .insert(tables.aiSystems)
        .values({ orgId: otherOrgId, name: "Foreign" })
        .returning();
      systemId = own!.id;
      foreignSystemId = foreign!.id;
    });
    after(async () => database?.close());

    it("stores a bare node id as an ISO/IEC 42001 reference and labels it with its short title", async () => {
      const changes = await inTransaction(database, (tx) =>
        replaceLinks(
          tx,
          orgId,
          source,
          [
            { type: "framework_node", id: "A.2.2" },
            { type: "ai_system", id: systemId },
          ],
          null,
        ),
      );
      assert.equal(changes.added.length, 2);
      assert.deepEqual(changes.removed, []);
      const links = await linksOf(database.db, orgId, "evidence", source.id);
      assert.deepEqual(
        links.map((l) => `${l.type} ${l.id}`),
        [`ai_system ${systemId}`, "framework_node iso-iec-42001-2023:A.2.2"],
      );
      const labels = await labelLinks(database.db, orgId, links);
      assert.deepEqual(
        labels.map((l) => l.label),
        ["Scorer", "A.2.2 AI policy"],
      );
    });

    it("replacing reports only what changed and finds sources by target", async () => {
      const changes = await inTransaction(database, (tx) =>
        replaceLinks(tx, orgId, source, [{ type: "framework_node", id: "iso-iec-42001-2023:A.2.2" }], null),
      );
      assert.deepEqual(changes.added, []);
      assert.deepEqual(changes.removed, [{ type: "ai_system", id: systemId }]);
      assert.deepEqual(
        await sourcesLinkedTo(database.db, orgId, "evidence", { type: "framework_node", id: "A.2.2" }),
        [source.id],
      );
      assert.deepEqual(
        await sourcesLinkedTo(database.db, otherOrgId, "evidence", { type: "framework_node", id: "A.2.2" }),
        [],
      );
    });

    it("refuses unknown nodes and another organization's records, naming each bad entry", async () => {
      await assert.rejects(
        validateLinkTargets(database.db, orgId, [
          { type: "framework_node", id: "A.99.1" },
          { type: "ai_system", id: foreignSystemId },
          { type: "ai_system", id: "not-a-uuid" },
        ]),
        (e: unknown) => {
          assert.ok(e instanceof DomainError);
          assert.equal(e.code, "invalid_input");
          const issues = (e.details as { issues: { path: string }[] }).issues;
          assert.deepEqual(
            issues.map((i) => i.path),
            ["links.0", "links.1", "links.2"],
          );
          return true;
        },
      );
      assert.equal((await linksOf(database.db, orgId, "evidence", source.id)).length, 1);
    });
  });
}
