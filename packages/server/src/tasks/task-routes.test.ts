import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrg,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const NOW = new Date("2026-03-10T12:00:00Z");
const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];

for (const backend of testBackends()) {
  describe(`task routes on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      return { org, owner, base: `${base}/tasks`, member };
    }
    const create = async (c: TestClient, base: string, body: Record<string, unknown> = {}) => {
      const res = await c.post(base, { title: "Write the AI policy", ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    it("creates an open manual task with its assignee, subject label and abilities, and records it", async () => {
      const { org, owner, base, member } = await setup();
      const lead = await member("governance_lead");
      const system = await buildAiSystem(server, org.orgId, { name: "CV screening" });
      const t = await create(owner, base, {
        description: "Draft and circulate",
        assigneeId: lead.userId,
        dueDate: "2026-03-31",
        priority: "high",
        subject: { type: "ai_system", id: system.id },
      });
      assert.equal(t.status, "open");
      assert.equal(t.origin, "manual");
      assert.equal(t.originKey, null);
      assert.equal(t.assigneeId, lead.userId);
      assert.match(t.assigneeName, /^user-/);
      assert.equal(t.dueDate, "2026-03-31");
      assert.equal(t.overdue, false);
      assert.deepEqual(t.subject, { type: "ai_system", id: system.id, label: "CV screening" });
      assert.equal(t.createdById, org.owner.userId);
      assert.equal(t.version, 1);
      assert.deepEqual(t.abilities, {
        read: true,
        create: true,
        update: true,
        assign: true,
        changeStatus: true,
        cancel: true,
        generate: true,
      });
      assert.deepEqual((await owner.get(`${base}/${t.id}`)).json(), t);

      const node = await create(owner, base, { subject: { type: "framework_node", id: "A.6.2.4" } });
      assert.equal(node.subject.id, "iso-iec-42001-2023:A.6.2.4");
      assert.match(node.subject.label, /^A\.6\.2\.4 /);

      const events = await auditEventsOf(server, org.orgId);
      const created = events.find((e) => e.entityId === t.id)!;
      assert.equal(created.type, "task.created");
      assert.deepEqual((created.payload as { diff: Record<string, unknown> }).diff.dueDate, [
        null,
        "2026-03-31",
      ]);
      await assertChainIntact(server, org.orgId);
    });

    it("refuses an assignee or subject that is not of this organization, naming the field", async () => {
      const { owner, base } = await setup();
      const other = await buildOrg(server);
      const foreign = await buildAiSystem(server, other.orgId, { name: "Theirs" });
      const badAssignee = await owner.post(base, { title: "x", assigneeId: other.owner.userId });
      assert.equal(badAssignee.statusCode, 400);
      assert.equal(badAssignee.json().error.details.issues[0].path, "assigneeId");
      const badSubject = await owner.post(base, {
        title: "x",
        subject: { type: "ai_system", id: foreign.id },
      });
      assert.equal(badSubject.statusCode, 400);
      assert.equal(badSubject.json().error.details.issues[0].path, "subject");
      const badNode = await owner.post(base, { title: "x", subject: { type: "framework_node", id: "A.99" } });
      assert.equal(badNode.statusCode, 400);
      const badDate = await owner.post(base, { title: "x", dueDate: "2026-02-30" });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().error.details.issues[0].path, "dueDate");
    });

    for (const role of builtinRoles) {
      it(`lets a ${role} do exactly what the task policy allows`, async () => {
        const { owner, base, member } = await setup();
        const m = await member(role);
        const writer = writers.includes(role);
        const theirs = await create(owner, base, { assigneeId: m.userId });
        const others = await create(owner, base);
        const seen = (await m.client.get(`${base}/${theirs.id}`)).json();
        assert.equal(seen.abilities.update, writer);
        assert.equal(seen.abilities.changeStatus, true, "the assignee may always move their task");
        assert.equal(seen.abilities.cancel, writer);
        assert.equal((await m.client.get(`${base}/${others.id}`)).json().abilities.changeStatus, writer);

        assert.equal((await m.client.post(base, { title: "Mine" })).statusCode, writer ? 201 : 403);
        assert.equal(
          (await m.client.patch(`${base}/${theirs.id}`, { version: 1, title: "Renamed" })).statusCode,
          writer ? 200 : 403,
        );
        const v = writer ? 2 : 1;
        const started = await m.client.patch(`${base}/${theirs.id}`, { version: v, status: "in_progress" });
        assert.equal(started.statusCode, 200, started.body);
        const done = await m.client.patch(`${base}/${theirs.id}`, { version: v + 1, status: "done" });
        assert.equal(done.statusCode, 200);
        assert.equal(done.json().completedById, m.userId);
        const reopened = await m.client.patch(`${base}/${theirs.id}`, { version: v + 2, status: "open" });
        assert.equal(reopened.statusCode, 200);
        assert.equal(reopened.json().completedAt, null);
        const cancel = await m.client.patch(`${base}/${theirs.id}`, { version: v + 3, status: "cancelled" });
        assert.equal(cancel.statusCode, writer ? 200 : 403);
        const moveOthers = await m.client.patch(`${base}/${others.id}`, { version: 1, status: "done" });
        assert.equal(moveOthers.statusCode, writer ? 200 : 403);
        if (!writer) assert.equal(moveOthers.json().error.code, "forbidden");
        const assign = await m.client.patch(`${base}/${others.id}`, {
          version: writer ? 2 : 1,
          assigneeId: m.userId,
        });
        assert.equal(assign.statusCode, writer ? 200 : 403);
        assert.equal((await m.client.post(`${base}/generate`)).statusCode, writer ? 200 : 403);
      });
    }

    it("answers 409 to a stale version and to a move the status machine refuses, changing nothing", async () => {
      const { org, owner, base } = await setup();
      const t = await create(owner, base);
      assert.equal((await owner.patch(`${base}/${t.id}`, { version: 1, status: "done" })).statusCode, 200);
      const stale = await owner.patch(`${base}/${t.id}`, { version: 1, title: "Late edit" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const closedMove = await owner.patch(`${base}/${t.id}`, { version: 2, status: "in_progress" });
      assert.equal(closedMove.statusCode, 409);
      assert.equal(closedMove.json().error.code, "invalid_state");
      assert.deepEqual(closedMove.json().error.details, { from: "done", to: "in_progress" });
      const after = (await owner.get(`${base}/${t.id}`)).json();
      assert.equal(after.version, 2);
      assert.equal(after.title, t.title);
      const noop = await owner.patch(`${base}/${t.id}`, { version: 2, status: "done", title: t.title });
      assert.equal(noop.statusCode, 200);
      assert.equal(noop.json().version, 2);
      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(
        types.filter((x) => x.startsWith("task.")),
        ["task.created", "task.status_changed"],
      );
    });

    it("filters mine, overdue (by the server's clock), status, origin and subject; pages by keyset", async () => {
      const { org, owner, base, member } = await setup();
      const c = await member("contributor");
      const system = await buildAiSystem(server, org.orgId, { name: "Chatbot" });
      const late = await create(owner, base, { title: "Late", dueDate: "2026-03-09", assigneeId: c.userId });
      const today = await create(owner, base, {
        title: "Today",
        dueDate: "2026-03-10",
        assigneeId: c.userId,
      });
      const undated = await create(owner, base, {
        title: "Undated",
        subject: { type: "ai_system", id: system.id },
      });
      const lateDone = await create(owner, base, { title: "Late but done", dueDate: "2026-01-01" });
      await owner.patch(`${base}/${lateDone.id}`, { version: 1, status: "done" });
      const titles = async (client: TestClient, qs: string) =>
        (await client.get(`${base}?${qs}`)).json().items.map((t: { title: string }) => t.title);

      assert.deepEqual(await titles(owner, ""), ["Late but done", "Late", "Today", "Undated"]);
      assert.deepEqual(await titles(c.client, "mine=true"), ["Late", "Today"]);
      assert.deepEqual(await titles(owner, "mine=true"), []);
      assert.deepEqual(await titles(owner, "overdue=true"), ["Late"]);
      assert.deepEqual(await titles(owner, "status=closed"), ["Late but done"]);
      assert.deepEqual(await titles(owner, "status=active"), ["Late", "Today", "Undated"]);
      assert.deepEqual(await titles(owner, `assigneeId=${c.userId}&overdue=true`), ["Late"]);
      assert.deepEqual(await titles(owner, `subjectType=ai_system&subjectId=${system.id}`), ["Undated"]);
      assert.deepEqual(await titles(owner, "origin=soa_gap"), []);
      // the clock is fixed, so every task has the same creation time and the id breaks the tie, descending
      const newest = (await owner.get(`${base}?sort=-createdAt`))
        .json()
        .items.map((t: { id: string }) => t.id);
      assert.deepEqual(newest, [...newest].sort().reverse());
      assert.equal(newest.length, 4);
      const page = (await owner.get(`${base}?overdue=true`)).json();
      assert.equal(page.items[0].id, late.id);
      assert.equal(page.items[0].overdue, true);
      assert.equal(page.total, 1);

      // the clock moves on a day: "Today" is now overdue too
      server.ctx.now = () => new Date("2026-03-11T00:00:01Z");
      try {
        assert.deepEqual(await titles(owner, "overdue=true"), ["Late", "Today"]);
      } finally {
        server.ctx.now = () => NOW;
      }

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await owner.get(
          `${base}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        assert.equal(res.statusCode, 200, res.body);
        const p = res.json();
        assert.equal(p.total, 4);
        seen.push(...p.items.map((t: { id: string }) => t.id));
        cursor = p.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [lateDone.id, late.id, today.id, undated.id]);
      const forged = await owner.get(
        `${base}?cursor=${Buffer.from('["dueDate","x","y"]').toString("base64url")}`,
      );
      assert.equal(forged.statusCode, 400);
      assert.equal((await owner.get(`${base}?overdue=yes`)).statusCode, 400);
    });

    it("counts active, overdue and the caller's own tasks", async () => {
      const { owner, base, member } = await setup();
      const c = await member("viewer");
      await create(owner, base, { dueDate: "2026-03-01", assigneeId: c.userId });
      await create(owner, base, { dueDate: "2026-04-01", assigneeId: c.userId });
      await create(owner, base, { dueDate: "2026-02-01" });
      const closed = await create(owner, base, { dueDate: "2026-02-01", assigneeId: c.userId });
      await owner.patch(`${base}/${closed.id}`, { version: 1, status: "cancelled" });
      assert.deepEqual((await c.client.get(`${base}/summary`)).json(), {
        open: 3,
        overdue: 2,
        mine: 2,
        mineOverdue: 1,
      });
      assert.deepEqual((await owner.get(`${base}/summary`)).json(), {
        open: 3,
        overdue: 2,
        mine: 0,
        mineOverdue: 0,
      });
    });

    it("documents every task route in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const base = "/api/v1/orgs/{orgId}/tasks";
      assert.ok(doc.paths[base]?.get && doc.paths[base]?.post);
      assert.ok(doc.paths[`${base}/summary`]?.get);
      assert.ok(doc.paths[`${base}/generate`]?.post);
      assert.ok(doc.paths[`${base}/{id}`]?.get && doc.paths[`${base}/{id}`]?.patch);
      const params = doc.paths[base].get.parameters.map((p: { name: string }) => p.name);
      for (const name of ["status", "mine", "overdue", "origin", "subjectType", "cursor"])
        assert.ok(params.includes(name), name);
    });

    it("generates tasks on request in the caller's name, idempotently", async () => {
      const { org, owner, base } = await setup();
      const first = await owner.post(`${base}/generate`);
      assert.equal(first.statusCode, 200, first.body);
      assert.ok(first.json().created > 0);
      const soa = first.json().byOrigin.find((o: { origin: string }) => o.origin === "soa_gap");
      assert.equal(soa.created, first.json().created);
      const second = (await owner.post(`${base}/generate`)).json();
      assert.equal(second.created, 0);
      assert.equal(second.closed, 0);
      const gaps = (await owner.get(`${base}?origin=soa_gap&limit=200`)).json();
      assert.equal(gaps.total, first.json().created);
      assert.equal(gaps.items[0].subject.type, "framework_node");
      const events = (await auditEventsOf(server, org.orgId)).filter((e) => e.type === "task.generated");
      assert.equal(events.length, first.json().created);
      assert.ok(events.every((e) => e.actorType === "token" && e.actorId === org.owner.userId));
      await assertChainIntact(server, org.orgId);
    });
  });
}
