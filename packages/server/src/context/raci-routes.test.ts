import { describe, it } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, auditEventsOf, buildMember, useTestServer } from "../testing";
import { fails, ok, put, scopeOrg } from "./scope-context-test-kit";

const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];

for (const backend of testBackends()) {
  describe(`RACI matrix routes on ${backend}`, () => {
    const server = useTestServer(backend);

    it("seeds default activities once, fills the grid, reports the one-A rule and records every change", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const seeded = await ok(owner.post(`${base}/raci/activities/seed`));
      assert.ok(seeded.added >= 10);
      assert.equal((await ok(owner.post(`${base}/raci/activities/seed`))).added, 0);
      const m = seeded.matrix;
      assert.equal(m.complete, false);
      assert.equal(
        m.issues.filter((i: any) => i.rule === "no_accountable").length,
        m.activities.length,
        "every fresh activity lacks an A",
      );
      const policy = m.activities.find((a: any) => a.title === "Maintain the AI policy");
      assert.deepEqual(policy.frameworkNode, { id: "iso-iec-42001-2023:5.2", label: "5.2 AI policy" });
      assert.ok(m.candidates.some((c: any) => c.type === "member" && c.key === org.owner.userId));
      assert.ok(m.candidates.some((c: any) => c.type === "role" && c.key === "governance_lead"));

      const lead = await buildMember(server, org.orgId, { role: "governance_lead" });
      const twoAs = await ok(
        put(owner, `${base}/raci`, {
          rows: [
            {
              activityId: policy.id,
              version: policy.version,
              assignments: [
                { type: "member", key: org.owner.userId, letter: "A" },
                { type: "member", key: lead.userId, letter: "A" },
                { type: "role", key: "auditor", letter: "I" },
              ],
            },
          ],
        }),
      );
      const row = twoAs.activities.find((a: any) => a.id === policy.id);
      assert.equal(row.version, policy.version + 1);
      assert.ok(
        twoAs.issues.some((i: any) => i.activityId === policy.id && i.rule === "several_accountable"),
      );
      // members first, then roles
      assert.deepEqual(
        twoAs.columns.map((c: any) => c.type),
        ["member", "member", "role"],
      );
      assert.deepEqual(
        new Set(twoAs.columns.map((c: any) => c.key)),
        new Set([org.owner.userId, lead.userId, "auditor"]),
      );
      await fails(
        put(owner, `${base}/raci`, {
          rows: [{ activityId: policy.id, version: policy.version, assignments: [] }],
        }),
        409,
        "conflict",
      );

      // one A and one R in every row makes the matrix complete
      const rows = twoAs.activities.map((a: any) => ({
        activityId: a.id,
        version: a.version,
        assignments: [
          { type: "member", key: lead.userId, letter: "A" },
          { type: "role", key: "contributor", letter: "R" },
        ],
      }));
      const done = await ok(put(owner, `${base}/raci`, { rows }));
      assert.equal(done.complete, true);
      assert.deepEqual(done.issues, []);

      const events = await auditEventsOf(server, org.orgId);
      const change = events.filter((e) => e.type === "raci_activity.assignments_changed");
      assert.equal(change.length, 1 + m.activities.length);
      assert.deepEqual((change[0]!.payload as any).diff[`member:${lead.userId}`], [null, "A"]);
      const types = await assertChainIntact(server, org.orgId);
      assert.equal(types.filter((t) => t === "raci_activity.created").length, m.activities.length);
    });

    it("adds, edits and deletes activities; a framework node must exist", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const created = await ok(
        owner.post(`${base}/raci/activities`, { title: "Approve model releases", frameworkNode: "A.6.2.5" }),
        201,
      );
      const a = created.activities[0];
      assert.equal(a.frameworkNode.id, "iso-iec-42001-2023:A.6.2.5");
      const bad = await fails(
        owner.post(`${base}/raci/activities`, { title: "x", frameworkNode: "Z.9" }),
        400,
      );
      assert.equal(bad.details.issues[0].path, "frameworkNode");
      const renamed = await ok(
        owner.patch(`${base}/raci/activities/${a.id}`, { version: 1, title: "Release models" }),
      );
      assert.equal(renamed.activities[0].title, "Release models");
      await fails(owner.delete(`${base}/raci/activities/${a.id}?version=1`), 409, "conflict");
      const empty = await ok(owner.delete(`${base}/raci/activities/${a.id}?version=2`));
      assert.deepEqual(empty.activities, []);
      assert.equal(empty.complete, false);
      assert.deepEqual(await assertChainIntact(server, org.orgId), [
        "raci_activity.created",
        "raci_activity.updated",
        "raci_activity.deleted",
      ]);
    });

    it("refuses letters for unknown or inactive columns and doubled cells, with the field named", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const { activities } = await ok(
        owner.post(`${base}/raci/activities`, { title: "Internal audit" }),
        201,
      );
      const gone = await buildMember(server, org.orgId, { role: "viewer", status: "deactivated" });
      const send = (assignments: unknown[]) =>
        put(owner, `${base}/raci`, { rows: [{ activityId: activities[0].id, version: 1, assignments }] });
      for (const [assignments, path] of [
        [[{ type: "role", key: "wizard", letter: "A" }], "rows.0.assignments.0.key"],
        [[{ type: "member", key: gone.userId, letter: "A" }], "rows.0.assignments.0.key"],
        [[{ type: "member", key: org.owner.userId, letter: "X" }], "rows.0.assignments.0.letter"],
        [
          [
            { type: "role", key: "owner", letter: "A" },
            { type: "role", key: "owner", letter: "R" },
          ],
          "rows.0.assignments.1",
        ],
      ] as const) {
        const err = await fails(send([...assignments]), 400, "invalid_input");
        assert.equal(err.details.issues[0].path, path, JSON.stringify(err));
      }
      const other = await scopeOrg(server);
      const { activities: theirs } = await ok(
        other.owner.post(`${other.base}/raci/activities`, { title: "T" }),
        201,
      );
      const err = await fails(
        put(owner, `${base}/raci`, { rows: [{ activityId: theirs[0].id, version: 1, assignments: [] }] }),
        400,
      );
      assert.equal(err.details.issues[0].path, "rows.0.activityId");
    });

    it("exports the grid as CSV and as XLSX with the same cells", async () => {
      const { org, owner, base } = await scopeOrg(server);
      const { activities } = await ok(
        owner.post(`${base}/raci/activities`, { title: '=HYPERLINK("x")', frameworkNode: "9.2" }),
        201,
      );
      await ok(
        put(owner, `${base}/raci`, {
          rows: [
            {
              activityId: activities[0].id,
              version: 1,
              assignments: [
                { type: "member", key: org.owner.userId, letter: "A" },
                { type: "role", key: "auditor", letter: "R" },
              ],
            },
          ],
        }),
      );
      const csv = await owner.get(`${base}/raci/export?format=csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers["content-type"] as string, /^text\/csv/);
      assert.match(
        csv.headers["content-disposition"] as string,
        /attachment; filename="raci-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const lines = csv.body
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      assert.match(lines[0]!, /^Activity,Framework node,user-[^,]+,Auditor \(role\),Check$/);
      assert.equal(lines[1], `"'=HYPERLINK(""x"")",9.2 Internal audit,A,R,`);

      const xlsx = await owner.get(`${base}/raci/export?format=xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.equal(
        xlsx.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("RACI")!;
      assert.equal(sheet.getCell("A2").value, '=HYPERLINK("x")', "stored as a string, not a formula");
      assert.deepEqual([sheet.getCell("C2").value, sheet.getCell("D2").value], ["A", "R"]);
      assert.ok(wb.getWorksheet("Legend"));
      await fails(owner.get(`${base}/raci/export?format=pdf`), 400, "invalid_input");
    });

    for (const role of builtinRoles) {
      it(`a ${role} reads and exports the matrix and ${writers.includes(role) ? "edits it" : "cannot edit it"}`, async () => {
        const { base, owner, as } = await scopeOrg(server);
        const { activities } = await ok(
          owner.post(`${base}/raci/activities`, { title: "Management review" }),
          201,
        );
        const { client } = await as(role);
        const m = await ok(client.get(`${base}/raci`));
        assert.deepEqual(m.abilities, { read: true, write: writers.includes(role), export: true });
        assert.equal((await client.get(`${base}/raci/export?format=xlsx`)).statusCode, 200);
        const res = await put(client, `${base}/raci`, {
          rows: [
            {
              activityId: activities[0].id,
              version: 1,
              assignments: [{ type: "role", key: "owner", letter: "A" }],
            },
          ],
        });
        assert.equal(res.statusCode, writers.includes(role) ? 200 : 403, res.body);
        const seed = await client.post(`${base}/raci/activities/seed`);
        assert.equal(seed.statusCode, writers.includes(role) ? 200 : 403);
      });
    }
  });
}
