import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { validateLinkTargets } from "@openaims/app";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildMember,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
const NOW = new Date("2026-07-02T12:00:00.000Z");

for (const backend of testBackends()) {
  describe(`objective routes on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, base: `${base}/objectives`, as };
    }
    const body = (extra: Record<string, unknown> = {}) => ({
      title: "Impact assessments before release",
      measure: "Share of model releases with a completed impact assessment",
      target: 100,
      unit: "%",
      baseline: 0,
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
      ...extra,
    });
    const create = async (c: TestClient, base: string, extra: Record<string, unknown> = {}) => {
      const res = await c.post(base, body(extra));
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    it("documents the objective and concern routes in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const path of [
        "/api/v1/orgs/{orgId}/objectives",
        "/api/v1/orgs/{orgId}/objectives/{id}",
        "/api/v1/orgs/{orgId}/objectives/{id}/progress",
        "/api/v1/orgs/{orgId}/objectives/{id}/archive",
        "/api/v1/orgs/{orgId}/concerns",
        "/api/v1/orgs/{orgId}/concerns/{id}",
      ])
        assert.ok(doc.paths[path], path);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/objectives/{id}/progress"].post);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/concerns/{id}"].patch);
    });

    it("sets an objective with owner and links, and shows it not started with labelled links", async () => {
      const { org, owner, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Resume screener" });
      const o = await create(owner, base, {
        ownerId: org.owner.userId,
        links: [
          { type: "framework_node", id: "6.2" },
          { type: "framework_node", id: "iso-iec-42001-2023:5.2" },
          { type: "ai_system", id: system.id },
        ],
      });
      assert.equal(o.status, "not_started");
      assert.equal(o.direction, "increase");
      assert.equal(o.ownerId, org.owner.userId);
      assert.match(o.ownerName, /^user-/);
      assert.equal(o.version, 1);
      assert.deepEqual(o.progress, []);
      const labels = o.links.map(
        (l: { type: string; id: string; label: string }) => `${l.type} ${l.id} ${l.label}`,
      );
      assert.ok(
        labels.includes(
          "framework_node iso-iec-42001-2023:6.2 6.2 AI objectives and planning to achieve them",
        ),
        labels.join("\n"),
      );
      assert.ok(labels.includes(`ai_system ${system.id} Resume screener`));
      assert.equal(o.links.length, 3);
      const got = await owner.get(`${base}/${o.id}`);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.json(), o);
      // the objective is a link target others can use (tasks, evidence)
      const targets = await validateLinkTargets(server.database.db, org.orgId, [
        { type: "objective", id: o.id },
      ]);
      assert.equal(targets.length, 1);
    });

    it("defaults the start date to today and refuses a due date before it (400 naming dueDate)", async () => {
      const { owner, base } = await setup();
      const o = await create(owner, base, { startDate: undefined, dueDate: "2026-09-30" });
      assert.equal(o.startDate, "2026-07-02");
      const bad = await owner.post(base, body({ startDate: undefined, dueDate: "2026-06-30" }));
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.issues[0].path, "dueDate");
      const badOwner = await owner.post(base, body({ ownerId: "00000000-0000-4000-8000-000000000099" }));
      assert.equal(badOwner.statusCode, 400);
      assert.equal(badOwner.json().error.details.issues[0].path, "ownerId");
      const badTarget = await owner.post(base, body({ target: "ninety" }));
      assert.equal(badTarget.statusCode, 400);
    });

    it("derives the status from recorded progress and reports it with each entry", async () => {
      const { owner, base } = await setup();
      const o = await create(owner, base);
      const add = (value: number, observedAt: string, extra: Record<string, unknown> = {}) =>
        owner.post(`${base}/${o.id}/progress`, { value, observedAt, ...extra });
      const first = await add(20, "2026-03-01", { note: "Q1 count", source: "manual" });
      assert.equal(first.statusCode, 201, first.body);
      // half way through the year the path expects 50: 20 lags 30% → off track
      assert.equal(first.json().objective.status, "off_track");
      assert.equal(first.json().progress.source, "manual");
      assert.equal(first.json().progress.observedAt, "2026-03-01T00:00:00.000Z");
      assert.equal((await add(38, "2026-06-30")).json().objective.status, "at_risk");
      const onTrack = (await add(47.5, "2026-07-01T09:00:00+02:00")).json();
      assert.equal(onTrack.objective.status, "on_track");
      assert.equal(onTrack.progress.source, "api");
      assert.equal(onTrack.objective.latestValue, 47.5);
      assert.equal(onTrack.objective.progressCount, 3);
      assert.equal((await add(100, "2026-07-02")).json().objective.status, "achieved");

      const detail = (await owner.get(`${base}/${o.id}`)).json();
      assert.equal(detail.status, "achieved");
      assert.equal(detail.percent, 100);
      assert.deepEqual(
        detail.progress.map((p: { value: number }) => p.value),
        [20, 38, 47.5, 100],
      );
      const page = (await owner.get(`${base}/${o.id}/progress?limit=3`)).json();
      assert.deepEqual(
        page.items.map((p: { value: number }) => p.value),
        [100, 47.5, 38],
      );
      const rest = (await owner.get(`${base}/${o.id}/progress?limit=3&cursor=${page.nextCursor}`)).json();
      assert.deepEqual(
        rest.items.map((p: { value: number }) => p.value),
        [20],
      );
      assert.equal(rest.nextCursor, null);
    });

    it("marks an objective missed once its due date passed short of the target", async () => {
      const { owner, base } = await setup();
      const o = await create(owner, base, { startDate: "2026-01-01", dueDate: "2026-06-30" });
      assert.equal(
        (await owner.post(`${base}/${o.id}/progress`, { value: 90, observedAt: "2026-06-30" })).statusCode,
        201,
      );
      assert.equal((await owner.get(`${base}/${o.id}`)).json().status, "missed");
      const dec = await create(owner, base, {
        direction: "decrease",
        baseline: 12,
        target: 2,
        unit: "incidents",
        startDate: "2026-01-01",
        dueDate: "2026-06-30",
      });
      await owner.post(`${base}/${dec.id}/progress`, { value: 2, observedAt: "2026-06-15" });
      assert.equal((await owner.get(`${base}/${dec.id}`)).json().status, "achieved");
    });

    it("refuses progress dated more than a day ahead (400 naming observedAt)", async () => {
      const { owner, base } = await setup();
      const o = await create(owner, base);
      const res = await owner.post(`${base}/${o.id}/progress`, { value: 1, observedAt: "2026-07-05" });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details.issues[0].path, "observedAt");
      const bad = await owner.post(`${base}/${o.id}/progress`, { value: 1, observedAt: "yesterday" });
      assert.equal(bad.statusCode, 400);
    });

    it("filters the list by status, owner and text, and pages through it by due date", async () => {
      const { org, owner, base, as } = await setup();
      const member = await buildMember(server, org.orgId, { role: "contributor" });
      const a = await create(owner, base, { title: "Alpha fairness", dueDate: "2026-08-01" });
      const b = await create(owner, base, {
        title: "Beta drift",
        dueDate: "2026-09-01",
        ownerId: member.userId,
      });
      const c = await create(owner, base, { title: "Gamma uptime", dueDate: "2026-10-01" });
      await owner.post(`${base}/${b.id}/progress`, { value: 100, observedAt: "2026-05-01" });
      await owner.post(`${base}/${c.id}/progress`, { value: 1, observedAt: "2026-05-01" });

      const viewer = await as("viewer");
      const all = (await viewer.get(base)).json();
      assert.deepEqual(
        all.items.map((o: { id: string }) => o.id),
        [a.id, b.id, c.id],
      );
      assert.equal(all.total, 3);
      assert.equal(all.abilities.create, false);
      assert.deepEqual(
        all.items.map((o: { status: string }) => o.status),
        ["not_started", "achieved", "off_track"],
      );

      const achieved = (await viewer.get(`${base}?status=achieved`)).json();
      assert.deepEqual(
        achieved.items.map((o: { id: string }) => o.id),
        [b.id],
      );
      assert.equal(achieved.total, 1);
      assert.deepEqual(
        (await viewer.get(`${base}?ownerId=${member.userId}`)).json().items.map((o: { id: string }) => o.id),
        [b.id],
      );
      assert.deepEqual(
        (await viewer.get(`${base}?q=UPTIME`)).json().items.map((o: { id: string }) => o.id),
        [c.id],
      );
      assert.equal((await viewer.get(`${base}?q=100%25`)).json().items.length, 0);

      const p1 = (await viewer.get(`${base}?limit=2`)).json();
      assert.deepEqual(
        p1.items.map((o: { id: string }) => o.id),
        [a.id, b.id],
      );
      const p2 = (await viewer.get(`${base}?limit=2&cursor=${p1.nextCursor}`)).json();
      assert.deepEqual(
        p2.items.map((o: { id: string }) => o.id),
        [c.id],
      );
      assert.equal(p2.nextCursor, null);
      assert.equal((await viewer.get(`${base}?cursor=nonsense`)).statusCode, 400);
      assert.equal((await viewer.get(`${base}?status=great`)).statusCode, 400);
    });

    for (const role of builtinRoles) {
      it(`lets a ${role} read objectives${writers.includes(role) ? ", set them and record progress" : " but change nothing"}`, async () => {
        const { owner, base, as } = await setup();
        const o = await create(owner, base);
        const c = await as(role);
        const w = writers.includes(role);
        const got = await c.get(`${base}/${o.id}`);
        assert.equal(got.statusCode, 200);
        assert.deepEqual(got.json().abilities, {
          read: true,
          create: w,
          update: w,
          archive: w,
          restore: w,
          recordProgress: w,
        });
        assert.equal((await c.post(base, body())).statusCode, w ? 201 : 403);
        assert.equal((await c.post(`${base}/${o.id}/progress`, { value: 5 })).statusCode, w ? 201 : 403);
        assert.equal(
          (await c.patch(`${base}/${o.id}`, { version: 1, target: 90 })).statusCode,
          w ? 200 : 403,
        );
        assert.equal(
          (await c.post(`${base}/${o.id}/archive`, { version: w ? 2 : 1 })).statusCode,
          w ? 200 : 403,
        );
      });
    }

    it("updates only what was sent, replaces links, answers 409 on a stale version and refuses edits when archived", async () => {
      const { org, owner, base } = await setup();
      const system = await buildAiSystem(server, org.orgId);
      const o = await create(owner, base, { links: [{ type: "framework_node", id: "6.2" }] });
      const res = await owner.patch(`${base}/${o.id}`, {
        version: 1,
        target: 95,
        title: o.title,
        links: [{ type: "ai_system", id: system.id }],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().version, 2);
      assert.equal(res.json().target, 95);
      assert.deepEqual(
        res.json().links.map((l: { type: string }) => l.type),
        ["ai_system"],
      );
      const unchanged = await owner.patch(`${base}/${o.id}`, { version: 2, target: 95 });
      assert.equal(unchanged.json().version, 2);
      const stale = await owner.patch(`${base}/${o.id}`, { version: 1, target: 80 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      assert.equal(
        (await owner.patch(`${base}/${o.id}`, { version: 2, dueDate: "2025-12-31" })).statusCode,
        400,
      );

      const archived = await owner.post(`${base}/${o.id}/archive`, { version: 2 });
      assert.equal(archived.statusCode, 200);
      assert.ok(archived.json().archivedAt);
      const edit = await owner.patch(`${base}/${o.id}`, { version: 3, target: 90 });
      assert.equal(edit.statusCode, 409);
      assert.equal(edit.json().error.code, "invalid_state");
      assert.equal(
        (await owner.post(`${base}/${o.id}/progress`, { value: 1 })).json().error.code,
        "invalid_state",
      );
      assert.equal((await owner.get(base)).json().items.length, 0);
      assert.equal((await owner.get(`${base}?archived=true`)).json().items.length, 1);
      assert.equal((await owner.post(`${base}/${o.id}/restore`, { version: 3 })).statusCode, 200);

      const events = await auditEventsOf(server, org.orgId);
      const updated = events.find((e) => e.type === "objective.updated")!;
      assert.deepEqual((updated.payload as { diff: unknown }).diff, { target: [100, 95] });
      assert.deepEqual((updated.payload as { links: { removed: unknown[] } }).links.removed, [
        { type: "framework_node", id: "iso-iec-42001-2023:6.2" },
      ]);
    });

    it("records every change as an audit event and the chain verifies", async () => {
      const { org, owner, base } = await setup();
      const o = await create(owner, base);
      await owner.post(`${base}/${o.id}/progress`, { value: 10, source: "cli" });
      await owner.patch(`${base}/${o.id}`, { version: 1, unit: "percent" });
      await owner.post(`${base}/${o.id}/archive`, { version: 2 });
      await owner.post(`${base}/${o.id}/restore`, { version: 3 });
      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(types, [
        "objective.created",
        "objective.progress_recorded",
        "objective.updated",
        "objective.archived",
        "objective.restored",
      ]);
      const events = await auditEventsOf(server, org.orgId);
      assert.ok(
        events.every(
          (e) => e.entityType === "objective" && e.entityId === o.id && e.actorId === org.owner.userId,
        ),
      );
      assert.deepEqual((events[1]!.payload as Record<string, unknown>).value, 10);
      assert.deepEqual((events[1]!.payload as Record<string, unknown>).source, "cli");
    });

    it("answers 404 to another organization on every route and refuses links into it", async () => {
      const a = await setup();
      const b = await setup();
      const o = await create(a.owner, a.base);
      const foreignSystem = await buildAiSystem(server, b.org.orgId);
      const intruder = b.owner;
      const urls = [
        () => intruder.get(a.base),
        () => intruder.post(a.base, body()),
        () => intruder.get(`${a.base}/${o.id}`),
        () => intruder.patch(`${a.base}/${o.id}`, { version: 1, target: 1 }),
        () => intruder.post(`${a.base}/${o.id}/archive`, { version: 1 }),
        () => intruder.get(`${a.base}/${o.id}/progress`),
        () => intruder.post(`${a.base}/${o.id}/progress`, { value: 1 }),
      ];
      for (const call of urls) assert.equal((await call()).statusCode, 404);
      // the same id through the intruder's own org is not found either
      assert.equal((await intruder.get(`${b.base}/${o.id}`)).statusCode, 404);
      assert.equal((await intruder.post(`${b.base}/${o.id}/progress`, { value: 1 })).statusCode, 404);
      const link = await a.owner.post(a.base, body({ links: [{ type: "ai_system", id: foreignSystem.id }] }));
      assert.equal(link.statusCode, 400);
      assert.equal(link.json().error.details.issues[0].path, "links.0");
      assert.equal((await a.owner.get(`${a.base}/${o.id}`)).json().progressCount, 0);
    });
  });
}
