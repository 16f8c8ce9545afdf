import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, auditEventsOf, useTestServer } from "../testing";
import { fails, ok, put, scopeOrg } from "./scope-context-test-kit";

const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];

for (const backend of testBackends()) {
  describe(`scope & context routes on ${backend}`, () => {
    const server = useTestServer(backend);

    it("records, edits, lists, archives and restores issues, with audit events on a verified chain", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const created = await ok(
        owner.post(`${base}/context/issues`, {
          kind: "external",
          topic: "legal",
          title: "  EU AI Act obligations apply from 2026  ",
          effect: "High-risk systems need conformity work",
          ownerId: org.owner.userId,
          reviewDate: "2999-01-01",
        }),
        201,
      );
      assert.equal(created.title, "EU AI Act obligations apply from 2026");
      assert.equal(created.reviewDue, false);
      assert.match(created.ownerName, /^user-/);
      assert.deepEqual(created.abilities, { read: true, write: true });
      const internal = await ok(
        owner.post(`${base}/context/issues`, {
          kind: "internal",
          title: "Few ML engineers",
          reviewDate: "2000-01-01",
        }),
        201,
      );
      assert.equal(internal.topic, "other");
      assert.equal(internal.reviewDue, true);

      const edited = await ok(
        owner.patch(`${base}/context/issues/${created.id}`, {
          version: 1,
          topic: "regulatory",
          title: created.title,
        }),
      );
      assert.equal(edited.version, 2);
      assert.equal(edited.topic, "regulatory");
      await fails(
        owner.patch(`${base}/context/issues/${created.id}`, { version: 1, topic: "market" }),
        409,
        "conflict",
      );

      const list = await ok(owner.get(`${base}/context/issues?limit=1`));
      assert.equal(list.total, 2);
      assert.equal(list.items[0].kind, "external");
      const next = await ok(owner.get(`${base}/context/issues?limit=1&cursor=${list.nextCursor}`));
      assert.equal(next.items[0].id, internal.id);
      assert.equal(next.nextCursor, null);
      assert.equal((await ok(owner.get(`${base}/context/issues?kind=internal`))).total, 1);

      const archived = await ok(owner.post(`${base}/context/issues/${internal.id}/archive`, { version: 1 }));
      assert.ok(archived.archivedAt);
      await fails(
        owner.patch(`${base}/context/issues/${internal.id}`, { version: 2, title: "x" }),
        409,
        "invalid_state",
      );
      assert.equal((await ok(owner.get(`${base}/context/issues`))).total, 1);
      assert.equal((await ok(owner.get(`${base}/context/issues?archived=true`))).total, 1);
      await ok(owner.post(`${base}/context/issues/${internal.id}/restore`, { version: 2 }));

      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(
        types.filter((t) => t.startsWith("context_issue.")),
        [
          "context_issue.created",
          "context_issue.created",
          "context_issue.updated",
          "context_issue.archived",
          "context_issue.restored",
        ],
      );
      const update = (await auditEventsOf(server, org.orgId)).find((e) => e.type === "context_issue.updated");
      assert.deepEqual((update!.payload as any).diff, { topic: ["legal", "regulatory"] });
    });

    it("keeps interested parties with requirements, their addressed decision and a link", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const party = await ok(
        owner.post(`${base}/context/interested-parties`, {
          name: "Loan applicants",
          type: "affected_person",
        }),
        201,
      );
      assert.deepEqual(party.requirements, []);
      const withReq = await ok(
        owner.post(`${base}/context/interested-parties/${party.id}/requirements`, {
          text: "Explanations of credit decisions",
          link: { type: "framework_node", id: "A.8.2" },
        }),
        201,
      );
      assert.equal(withReq.version, 2);
      assert.equal(withReq.undecided, 1);
      const req = withReq.requirements[0];
      assert.equal(req.addressed, null);
      assert.deepEqual(req.link, {
        type: "framework_node",
        id: "iso-iec-42001-2023:A.8.2",
        label: "A.8.2 System documentation and information for users",
      });
      const decided = await ok(
        owner.patch(`${base}/context/interested-parties/${party.id}/requirements/${req.id}`, {
          version: 1,
          addressed: "partly",
          how: "Reason codes in the letter",
          link: null,
        }),
      );
      assert.equal(decided.undecided, 0);
      assert.equal(decided.requirements[0].addressed, "partly");
      assert.equal(decided.requirements[0].link, null);
      const bad = await fails(
        owner.post(`${base}/context/interested-parties/${party.id}/requirements`, {
          text: "x",
          link: { type: "ai_system", id: "00000000-0000-4000-8000-000000000000" },
        }),
        400,
        "invalid_input",
      );
      assert.equal(bad.details.issues[0].path, "links.0");

      const list = await ok(owner.get(`${base}/context/interested-parties`));
      assert.equal(list.total, 1);
      assert.equal(list.items[0].requirements.length, 1);
      await fails(owner.delete(`${base}/context/interested-parties/${party.id}?version=1`), 409, "conflict");
      const del = await owner.delete(
        `${base}/context/interested-parties/${party.id}?version=${decided.version}`,
      );
      assert.equal(del.statusCode, 204);
      await fails(owner.get(`${base}/context/interested-parties/${party.id}`), 404, "not_found");
      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(types, [
        "interested_party.created",
        "interested_party_requirement.created",
        "interested_party_requirement.updated",
        "interested_party.deleted",
      ]);
    });

    it("records the AI roles the organization plays, with notes and versions", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const initial = await ok(owner.get(`${base}/context/ai-roles`));
      assert.equal(initial.items.length, 6);
      assert.ok(initial.items.every((r: any) => !r.plays && r.version === null && r.description.length > 20));
      const added = await ok(
        put(owner, `${base}/context/ai-roles/provider`, { note: "We sell a scoring API" }),
      );
      const provider = added.items.find((r: any) => r.role === "provider");
      assert.deepEqual([provider.plays, provider.note, provider.version], [true, "We sell a scoring API", 1]);
      await fails(put(owner, `${base}/context/ai-roles/provider`, { note: "again" }), 409, "invalid_state");
      await fails(
        put(owner, `${base}/context/ai-roles/provider`, { note: "x", version: 7 }),
        409,
        "conflict",
      );
      await ok(
        put(owner, `${base}/context/ai-roles/provider`, { note: "Scoring API for banks", version: 1 }),
      );
      await fails(put(owner, `${base}/context/ai-roles/wizard`, {}), 400, "invalid_input");
      const removed = await ok(owner.delete(`${base}/context/ai-roles/provider?version=2`));
      assert.equal(removed.items.find((r: any) => r.role === "provider").plays, false);
      assert.deepEqual(await assertChainIntact(server, org.orgId), [
        "org_ai_role.added",
        "org_ai_role.updated",
        "org_ai_role.removed",
      ]);
    });

    for (const role of builtinRoles) {
      it(`lets a ${role} read${writers.includes(role) ? " and write" : " but not write"}`, async () => {
        const { base, as } = await scopeOrg(server);
        const { client } = await as(role);
        const list = await ok(client.get(`${base}/context/issues`));
        assert.deepEqual(list.abilities, { read: true, write: writers.includes(role) });
        await ok(client.get(`${base}/context/interested-parties`));
        await ok(client.get(`${base}/context/ai-roles`));
        const res = await client.post(`${base}/context/issues`, { kind: "internal", title: "By " + role });
        assert.equal(res.statusCode, writers.includes(role) ? 201 : 403, res.body);
        const p = await client.post(`${base}/context/interested-parties`, { name: "Regulator" });
        assert.equal(p.statusCode, writers.includes(role) ? 201 : 403);
        const r = await put(client, `${base}/context/ai-roles/customer`, {});
        assert.equal(r.statusCode, writers.includes(role) ? 200 : 403);
      });
    }

    it("answers bad input with 400 naming the field, and stores nothing", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const cases: [string, unknown, string][] = [
        [`${base}/context/issues`, { kind: "sideways", title: "x" }, "kind"],
        [`${base}/context/issues`, { kind: "internal", title: "" }, "title"],
        [`${base}/context/issues`, { kind: "internal", title: "x", reviewDate: "2026-02-30" }, "reviewDate"],
        [`${base}/context/issues`, { kind: "internal", title: "x", ownerId: org.orgId }, "ownerId"],
        [`${base}/context/issues`, { kind: "internal", title: "x", extra: 1 }, ""],
        [`${base}/context/interested-parties`, { name: "x", type: "alien" }, "type"],
      ];
      for (const [url, body, path] of cases) {
        const err = await fails(owner.post(url, body), 400, "invalid_input");
        if (path)
          assert.ok(
            err.details.issues.some((i: any) => i.path === path),
            JSON.stringify(err),
          );
      }
      assert.deepEqual(await assertChainIntact(server, org.orgId), []);
    });
  });
}
