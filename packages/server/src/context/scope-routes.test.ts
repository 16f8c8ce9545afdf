import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, useTestServer } from "../testing";
import { fails, ok, scopeOrg } from "./scope-context-test-kit";

const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
const approvers: BuiltinRole[] = ["owner", "admin", "governance_lead"];

for (const backend of testBackends()) {
  describe(`AIMS scope routes on ${backend}`, () => {
    const server = useTestServer(backend);

    it("drafts, submits and approves a scope with two people; the next draft copies it and supersedes it", async () => {
      const { org, owner, base, as } = await scopeOrg(server);
      const { client: lead, member: leadMember } = await as("governance_lead");
      const empty = await ok(owner.get(`${base}/scope`));
      assert.deepEqual([empty.approved, empty.draft, empty.abilities.newDraft], [null, null, true]);

      const v1 = await ok(owner.post(`${base}/scope/versions`), 201);
      assert.deepEqual([v1.number, v1.status, v1.statement], [1, "draft", ""]);
      await fails(owner.post(`${base}/scope/versions`), 409, "invalid_state");
      await fails(owner.post(`${base}/scope/versions/1/submit`, { version: 1 }), 400, "invalid_input");
      const edited = await ok(
        owner.patch(`${base}/scope/versions/1`, {
          version: 1,
          statement: "All AI systems of the retail bank",
          inclusions: ["Credit scoring", "Fraud detection"],
          exclusions: [{ item: "HR chatbot", justification: "Bought as a service, not configured by us" }],
        }),
      );
      assert.equal(edited.version, 2);
      const submitted = await ok(owner.post(`${base}/scope/versions/1/submit`, { version: 2 }));
      assert.equal(submitted.status, "in_review");
      assert.equal(submitted.abilities.approve, false, "the author is never offered approval");
      await fails(
        owner.patch(`${base}/scope/versions/1`, { version: 3, boundaries: "x" }),
        409,
        "invalid_state",
      );

      const own = await fails(
        owner.post(`${base}/scope/versions/1/approve`, { version: 3 }),
        403,
        "forbidden",
      );
      assert.equal(own.details.rule, "four_eyes");
      const seenByLead = await ok(lead.get(`${base}/scope/versions/1`));
      assert.equal(seenByLead.abilities.approve, true);
      const approved = await ok(lead.post(`${base}/scope/versions/1/approve`, { version: 3 }));
      assert.equal(approved.status, "approved");
      assert.equal(approved.approvedBy, leadMember.userId);
      assert.ok(approved.approvedAt);

      const v2 = await ok(lead.post(`${base}/scope/versions`), 201);
      assert.equal(v2.statement, "All AI systems of the retail bank");
      assert.deepEqual(v2.exclusions, approved.exclusions);
      await ok(
        lead.patch(`${base}/scope/versions/2`, {
          version: 1,
          inclusions: ["Credit scoring", "Chat assistant"],
          exclusions: [],
        }),
      );
      const diff = await ok(lead.get(`${base}/scope/versions/2/diff`));
      assert.equal(diff.from, 1);
      assert.deepEqual(diff.diff.inclusions, { added: ["Chat assistant"], removed: ["Fraud detection"] });
      assert.equal(diff.diff.exclusions.removed.length, 1);
      assert.equal(diff.diff.statement, null);

      await ok(lead.post(`${base}/scope/versions/2/submit`, { version: 2 }));
      const rejected = await ok(
        owner.post(`${base}/scope/versions/2/reject`, { version: 3, note: "Keep fraud" }),
      );
      assert.deepEqual([rejected.status, rejected.rejectionNote], ["draft", "Keep fraud"]);
      await ok(lead.post(`${base}/scope/versions/2/submit`, { version: 4 }));
      await ok(owner.post(`${base}/scope/versions/2/approve`, { version: 5 }));

      const scope = await ok(owner.get(`${base}/scope`));
      assert.equal(scope.approved.number, 2);
      assert.equal(scope.draft, null);
      const v1After = await ok(owner.get(`${base}/scope/versions/1`));
      assert.equal(v1After.status, "superseded");
      const versions = await ok(owner.get(`${base}/scope/versions?limit=1`));
      assert.deepEqual([versions.total, versions.items[0].number], [2, 2]);
      const older = await ok(owner.get(`${base}/scope/versions?limit=1&cursor=${versions.nextCursor}`));
      assert.equal(older.items[0].number, 1);

      assert.deepEqual(await assertChainIntact(server, org.orgId), [
        "scope_version.created",
        "scope_version.updated",
        "scope_version.submitted",
        "scope_version.approved",
        "scope_version.created",
        "scope_version.updated",
        "scope_version.submitted",
        "scope_version.rejected",
        "scope_version.submitted",
        "scope_version.approved",
        "scope_version.superseded",
      ]);
    });

    it("an editor of the draft cannot approve it either", async () => {
      const { base, owner, as } = await scopeOrg(server);
      const { client: lead } = await as("governance_lead");
      await ok(owner.post(`${base}/scope/versions`), 201);
      await ok(lead.patch(`${base}/scope/versions/1`, { version: 1, statement: "Everything" }));
      await ok(owner.post(`${base}/scope/versions/1/submit`, { version: 2 }));
      const err = await fails(lead.post(`${base}/scope/versions/1/approve`, { version: 3 }), 403);
      assert.equal(err.details.rule, "four_eyes");
    });

    for (const role of builtinRoles) {
      it(`a ${role} ${writers.includes(role) ? "drafts" : "cannot draft"} and ${approvers.includes(role) ? "approves others' drafts" : "cannot approve"}`, async () => {
        const { base, owner, as } = await scopeOrg(server);
        const { client } = await as(role);
        await ok(owner.post(`${base}/scope/versions`), 201);
        // a second open draft is a 409 for those who may draft, a 403 for the others
        const draft = await client.post(`${base}/scope/versions`);
        assert.equal(draft.statusCode, writers.includes(role) ? 409 : 403, draft.body);
        const edit = await client.patch(`${base}/scope/versions/1`, { version: 1, boundaries: "EU" });
        assert.equal(edit.statusCode, writers.includes(role) ? 200 : 403, edit.body);
        const v = (await ok(owner.get(`${base}/scope/versions/1`))).version;
        await ok(owner.patch(`${base}/scope/versions/1`, { version: v, statement: "All AI systems" }));
        await ok(owner.post(`${base}/scope/versions/1/submit`, { version: v + 1 }));
        const view = await ok(client.get(`${base}/scope`));
        const approve = await client.post(`${base}/scope/versions/1/approve`, { version: v + 2 });
        // a writer who edited the draft is one of its authors: four-eyes refuses them too
        const expected = !approvers.includes(role) ? 403 : writers.includes(role) ? 403 : 200;
        assert.equal(approve.statusCode, expected, approve.body);
        if (approvers.includes(role)) assert.equal(approve.json().error.details.rule, "four_eyes");
        assert.equal(view.draft.abilities.approve, false);

        const { client: fresh } = await as(role);
        const seen = await ok(fresh.get(`${base}/scope`));
        assert.equal(seen.draft.abilities.approve, approvers.includes(role));
        const r = await fresh.post(`${base}/scope/versions/1/approve`, { version: v + 2 });
        assert.equal(r.statusCode, approvers.includes(role) ? 200 : 403, r.body);
      });
    }

    it("rejects bad scope input with 400 naming the field", async () => {
      const { base, owner } = await scopeOrg(server);
      await ok(owner.post(`${base}/scope/versions`), 201);
      const noWhy = await fails(
        owner.patch(`${base}/scope/versions/1`, {
          version: 1,
          exclusions: [{ item: "Lab", justification: " " }],
        }),
        400,
        "invalid_input",
      );
      assert.equal(noWhy.details.issues[0].path, "exclusions.0.justification");
      const twice = await fails(
        owner.patch(`${base}/scope/versions/1`, {
          version: 1,
          exclusions: [
            { item: "Lab", justification: "a" },
            { item: "lab", justification: "b" },
          ],
        }),
        400,
      );
      assert.equal(twice.details.issues[0].path, "exclusions.1.item");
      await fails(owner.get(`${base}/scope/versions/9`), 404, "not_found");
      await fails(owner.get(`${base}/scope/versions/abc`), 400, "invalid_input");
    });
  });
}
