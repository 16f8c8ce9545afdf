import { describe, it } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, auditEventsOf, buildOrgWithClients, useTestServer } from "../testing";

for (const backend of testBackends()) {
  describe(`Statement of Applicability over HTTP on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, base, member } = await buildOrgWithClients(server);
      const { client: leadC, ...lead } = await member("governance_lead");
      return {
        org,
        base,
        lead,
        leadC,
        lead2C: (await member("governance_lead")).client,
        contributorC: (await member("contributor")).client,
        auditorC: (await member("auditor")).client,
        viewerC: (await member("viewer")).client,
      };
    }

    it("lists all 38 Annex A controls, undecided until edited, with abilities by role", async () => {
      const { base, leadC, auditorC, contributorC } = await setup();
      const res = await leadC.get(`${base}/soa`);
      assert.equal(res.statusCode, 200, res.body);
      const soa = res.json();
      assert.equal(soa.entries.length, 38);
      assert.equal(soa.frameworkId, "iso-iec-42001-2023");
      const a22 = soa.entries[0];
      assert.equal(a22.controlId, "A.2.2");
      assert.equal(a22.title, "AI policy");
      assert.equal(a22.groupId, "A.2");
      assert.equal(a22.applicable, null);
      assert.equal(a22.version, 0);
      assert.equal(a22.entryId, null);
      assert.deepEqual(soa.summary, {
        total: 38,
        applicable: 0,
        notApplicable: 0,
        undecided: 38,
        implemented: 0,
        gaps: 0,
      });
      assert.equal(soa.entries.find((e: { controlId: string }) => e.controlId === "A.6.2.4").groupId, "A.6");
      assert.deepEqual(soa.abilities, {
        read: true,
        update: true,
        createVersion: true,
        approve: true,
        reject: true,
        export: true,
      });
      const audited = (await auditorC.get(`${base}/soa`)).json();
      assert.equal(audited.abilities.update, false);
      assert.equal(audited.abilities.approve, false);
      assert.equal(audited.entries[0].abilities.update, false);
      const contributed = (await contributorC.get(`${base}/soa`)).json();
      assert.equal(contributed.abilities.update, true);
      assert.equal(contributed.abilities.approve, false);
    });

    it("requires a justification either way and keeps not_applicable consistent", async () => {
      const { base, leadC } = await setup();
      const noWhy = await leadC.patch(`${base}/soa/entries/A.2.2`, { version: 0, applicable: true });
      assert.equal(noWhy.statusCode, 400, noWhy.body);
      assert.equal(noWhy.json().error.details.issues[0].path, "justification");
      const noWhyNo = await leadC.patch(`${base}/soa/entries/A.2.3`, { version: 0, applicable: false });
      assert.equal(noWhyNo.statusCode, 400);
      const wrongStatus = await leadC.patch(`${base}/soa/entries/A.2.3`, {
        version: 0,
        applicable: false,
        justification: "Covered by group policy.",
        implementationStatus: "implemented",
      });
      assert.equal(wrongStatus.statusCode, 400);
      assert.equal(wrongStatus.json().error.details.issues[0].path, "implementationStatus");
      const excluded = await leadC.patch(`${base}/soa/entries/A.2.3`, {
        version: 0,
        applicable: false,
        justification: "Covered by group policy.",
      });
      assert.equal(excluded.statusCode, 200, excluded.body);
      assert.equal(excluded.json().implementationStatus, "not_applicable");
      assert.equal(excluded.json().version, 1);
      assert.ok(excluded.json().entryId);
      const unknown = await leadC.patch(`${base}/soa/entries/A.2.1`, {
        version: 0,
        notes: "objective, not a control",
      });
      assert.equal(unknown.statusCode, 404);
    });

    it("answers a stale version with 409 and stores nothing", async () => {
      const { base, leadC, lead2C } = await setup();
      const first = await leadC.patch(`${base}/soa/entries/A.2.2`, { version: 0, notes: "first" });
      assert.equal(first.statusCode, 200);
      const stale = await lead2C.patch(`${base}/soa/entries/A.2.2`, { version: 0, notes: "second" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const ok = await lead2C.patch(`${base}/soa/entries/A.2.2`, { version: 1, notes: "second" });
      assert.equal(ok.json().version, 2);
      const entry = (await leadC.get(`${base}/soa`)).json().entries[0];
      assert.equal(entry.notes, "second");
    });

    it("lets editors edit, and refuses auditors and viewers (403)", async () => {
      const { base, contributorC, auditorC, viewerC, lead } = await setup();
      const ok = await contributorC.patch(`${base}/soa/entries/A.3.2`, {
        version: 0,
        applicable: true,
        justification: "We assign AI roles.",
        ownerId: lead.userId,
        implementationStatus: "planned",
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().ownerId, lead.userId);
      assert.ok(ok.json().ownerName);
      for (const c of [auditorC, viewerC]) {
        const res = await c.patch(`${base}/soa/entries/A.3.2`, { version: 1, notes: "x" });
        assert.equal(res.statusCode, 403);
        const v = await c.post(`${base}/soa/versions`, {});
        assert.equal(v.statusCode, 403);
        const a = await c.post(`${base}/applied-controls`, { name: "x" });
        assert.equal(a.statusCode, 403);
      }
    });

    it("links applied controls to a control and counts additional controls as SoA entries", async () => {
      const { base, leadC } = await setup();
      const policy = (
        await leadC.post(`${base}/applied-controls`, {
          name: "AI policy approved by the board",
          category: "policy",
          links: [{ type: "framework_node", id: "A.2.4" }],
        })
      ).json();
      const res = await leadC.patch(`${base}/soa/entries/A.2.2`, {
        version: 0,
        applicable: true,
        justification: "We use AI.",
        appliedControlIds: [policy.id],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().appliedControls, [
        { id: policy.id, label: "AI policy approved by the board" },
      ]);
      const control = (await leadC.get(`${base}/applied-controls/${policy.id}`)).json();
      assert.deepEqual(control.links.map((l: { id: string }) => l.id).sort(), [
        "iso-iec-42001-2023:A.2.2",
        "iso-iec-42001-2023:A.2.4",
      ]);
      const extra = (
        await leadC.post(`${base}/applied-controls`, {
          name: "Red-team every release",
          additional: true,
          category: "technical",
        })
      ).json();
      let soa = (await leadC.get(`${base}/soa`)).json();
      assert.equal(soa.entries.length, 39);
      const own = soa.entries.at(-1);
      assert.equal(own.controlId, extra.id);
      assert.equal(own.kind, "additional");
      assert.equal(own.groupId, "additional");
      const set = await leadC.patch(`${base}/soa/entries/${extra.id}`, {
        version: 0,
        applicable: true,
        justification: "Our own rule.",
        implementationStatus: "implemented",
      });
      assert.equal(set.statusCode, 200, set.body);
      const noLinks = await leadC.patch(`${base}/soa/entries/${extra.id}`, {
        version: 1,
        appliedControlIds: [],
      });
      assert.equal(noLinks.statusCode, 400);
      await leadC.post(`${base}/applied-controls/${extra.id}/archive`, { version: 1 });
      soa = (await leadC.get(`${base}/soa`)).json();
      assert.equal(soa.entries.length, 38, "an archived additional control leaves the working SoA");
      const gone = await leadC.patch(`${base}/soa/entries/${extra.id}`, { version: 1, notes: "x" });
      assert.equal(gone.statusCode, 404);
    });

    it("freezes versions, enforces four-eyes on approval, supersedes, diffs and exports", async () => {
      const { org, base, lead, leadC, lead2C, contributorC, auditorC } = await setup();
      await leadC.patch(`${base}/soa/entries/A.2.2`, {
        version: 0,
        applicable: true,
        justification: "We use AI.",
        ownerId: lead.userId,
        implementationStatus: "implemented",
      });
      const created = await leadC.post(`${base}/soa/versions`, { note: "first" });
      assert.equal(created.statusCode, 201, created.body);
      const v1 = created.json();
      assert.equal(v1.number, 1);
      assert.equal(v1.status, "in_review");
      assert.equal(v1.abilities.approve, false, "the creator is not offered approval");
      assert.equal(v1.entries.length, 38);
      const second = await lead2C.post(`${base}/soa/versions`, {});
      assert.equal(second.statusCode, 409, "one version in review at a time");

      const own = await leadC.post(`${base}/soa/versions/1/approve`, { version: 1 });
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.details.rule, "four_eyes");
      for (const c of [auditorC, contributorC]) {
        const res = await c.post(`${base}/soa/versions/1/approve`, { version: 1 });
        assert.equal(res.statusCode, 403);
        assert.notEqual(res.json().error.details?.rule, "four_eyes");
      }
      const seen = (await lead2C.get(`${base}/soa/versions/1`)).json();
      assert.equal(seen.abilities.approve, true);
      const approved = await lead2C.post(`${base}/soa/versions/1/approve`, { version: 1, note: "fine" });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, "approved");
      assert.equal(approved.json().decidedBy, (await lead2C.get(`/api/v1/me`)).json().user.id);
      const again = await lead2C.post(`${base}/soa/versions/1/approve`, { version: 2 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "invalid_state");

      // edits after the freeze do not touch version 1
      await leadC.patch(`${base}/soa/entries/A.2.2`, {
        version: 1,
        implementationStatus: "partially_implemented",
      });
      await leadC.patch(`${base}/soa/entries/A.2.3`, {
        version: 0,
        applicable: false,
        justification: "Single policy.",
      });
      const frozen = (await leadC.get(`${base}/soa/versions/1`)).json();
      assert.equal(frozen.entries[0].implementationStatus, "implemented");
      assert.equal(frozen.summary.applicable, 1);

      const v2 = (await lead2C.post(`${base}/soa/versions`, {})).json();
      assert.equal(v2.number, 2);
      const rejectedStale = await leadC.post(`${base}/soa/versions/2/approve`, { version: 5 });
      assert.equal(rejectedStale.statusCode, 409);
      assert.equal((await leadC.post(`${base}/soa/versions/2/approve`, { version: 1 })).statusCode, 200);
      const list = (await leadC.get(`${base}/soa/versions`)).json();
      assert.deepEqual(
        list.items.map((v: { number: number; status: string }) => [v.number, v.status]),
        [
          [2, "approved"],
          [1, "superseded"],
        ],
      );
      const paged = (await leadC.get(`${base}/soa/versions?limit=1`)).json();
      assert.equal(paged.items.length, 1);
      const rest = (await leadC.get(`${base}/soa/versions?limit=1&cursor=${paged.nextCursor}`)).json();
      assert.equal(rest.items[0].number, 1);
      assert.equal(rest.nextCursor, null);
      assert.equal((await leadC.get(`${base}/soa/versions?cursor=nonsense`)).statusCode, 400);
      const soa = (await leadC.get(`${base}/soa`)).json();
      assert.equal(soa.approvedVersion.number, 2);
      assert.equal(soa.latestVersion.number, 2);

      const diff = (await auditorC.get(`${base}/soa/versions/2/diff?against=1`)).json();
      assert.equal(diff.from, 1);
      assert.equal(diff.to, 2);
      assert.deepEqual(
        diff.changed.map((c: { controlId: string; fields: { field: string }[] }) => [
          c.controlId,
          c.fields.map((f) => f.field),
        ]),
        [
          ["A.2.2", ["implementationStatus"]],
          ["A.2.3", ["applicable", "justification", "implementationStatus"]],
        ],
      );
      assert.equal((await leadC.get(`${base}/soa/versions/9/diff?against=1`)).statusCode, 404);
      assert.equal((await leadC.get(`${base}/soa/versions/9`)).statusCode, 404);

      const csv = await auditorC.get(`${base}/soa/export?format=csv&version=1`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers["content-type"]), /text\/csv/);
      assert.match(String(csv.headers["content-disposition"]), /soa-v1-/);
      const lines = csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      assert.equal(lines.length, 39);
      assert.match(lines[0]!, /^control_id,group,title,kind,applicable,justification/);
      assert.match(
        lines[1]!,
        /^A\.2\.2,A\.2 Policies related to AI,AI policy,Annex A,yes,We use AI\.,Implemented,/,
      );
      const xlsx = await leadC.get(`${base}/soa/export?format=xlsx`);
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("Statement of Applicability")!;
      assert.equal(sheet.getCell("A2").value, "A.2.2");
      assert.equal(sheet.getCell("G2").value, "Partially implemented", "the working state, not a version");

      const types = await assertChainIntact(server, org.orgId);
      for (const t of [
        "soa_entry.updated",
        "soa_version.created",
        "soa_version.approved",
        "soa_version.superseded",
      ])
        assert.ok(types.includes(t), t);
      const events = await auditEventsOf(server, org.orgId);
      const firstEdit = events.find((e) => e.type === "soa_entry.updated")!;
      assert.equal((firstEdit.payload as { controlId: string }).controlId, "A.2.2");
      assert.deepEqual((firstEdit.payload as { diff: Record<string, unknown> }).diff.applicable, [
        null,
        true,
      ]);
    });

    it("lets the creator withdraw a version by rejecting it", async () => {
      const { base, leadC } = await setup();
      await leadC.post(`${base}/soa/versions`, {});
      const res = await leadC.post(`${base}/soa/versions/1/reject`, { version: 1, note: "not ready" });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "rejected");
      assert.equal(res.json().decisionNote, "not ready");
      assert.equal((await leadC.post(`${base}/soa/versions`, {})).json().number, 2);
    });
  });
}
