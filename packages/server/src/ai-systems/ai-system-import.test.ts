import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { MAX_IMPORT_ROWS } from "@openaims/core";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  buildAiSystem,
  buildMember,
  buildOrg,
  clientFor,
  importCsv,
  orgFootprint,
  useTestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`AI system CSV import/export on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}/ai-systems`;
      const list = async (q = "archived=all") =>
        (await owner.get(`${base}?${q}&limit=200`)).json().items as Record<string, unknown>[];
      const trail = async () =>
        (await owner.get(`/api/v1/orgs/${org.orgId}/audit-events?limit=200`)).json().items as {
          type: string;
          entityId: string;
          payload: Record<string, unknown>;
        }[];
      return { org, owner, base, list, trail };
    }

    it("creates systems from CSV with BOM, CRLF, quoted fields and list cells, resolving owners by e-mail", async () => {
      const { org, owner, list } = await setup();
      const csv =
        "\uFEFFname,purpose,owner_email,lifecycle_stage,ai_type,ai_roles,tags,description\r\n" +
        `"Scoring, v2","Says ""yes"" or no",${org.owner.email.toUpperCase()},deployed,ml,provider; customer,eu;finance,"line one\r\nline two"\r\n` +
        "Chatbot,,,,generative,,,\r\n";
      const res = await importCsv(owner, org.orgId, csv);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        dryRun: false,
        applied: true,
        mode: "all_or_nothing",
        total: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        invalid: 0,
        errors: [],
      });
      const items = await list("sort=name");
      assert.equal(items.length, 2);
      const [chatbot, scoring] = items;
      assert.equal(scoring!.name, "Scoring, v2");
      assert.equal(scoring!.purpose, 'Says "yes" or no');
      assert.equal(scoring!.description, "line one\nline two");
      assert.equal(scoring!.ownerId, org.owner.userId);
      assert.deepEqual(scoring!.aiRoles, ["provider", "customer"]);
      assert.deepEqual(scoring!.tags, ["eu", "finance"]);
      assert.equal(chatbot!.lifecycleStage, "idea");
      assert.equal(chatbot!.aiType, "generative");
      assert.equal(chatbot!.ownerId, null);
    });

    it("writes one audit event per created or updated system plus one summary, and the chain verifies", async () => {
      const { org, owner, trail } = await setup();
      const existing = await buildAiSystem(server, org.orgId, { name: "Old", purpose: "p" });
      const same = await buildAiSystem(server, org.orgId, { name: "Same" });
      const csv = `id,name,purpose\n${existing.id},Old,new purpose\n${same.id},Same,\n,Brand new,x\n`;
      const res = await importCsv(owner, org.orgId, csv);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        { created: res.json().created, updated: res.json().updated, unchanged: res.json().unchanged },
        { created: 1, updated: 1, unchanged: 1 },
      );
      const events = await trail();
      assert.deepEqual(events.map((e) => e.type).sort(), [
        "ai_system.created",
        "ai_system.imported",
        "ai_system.updated",
      ]);
      const updated = events.find((e) => e.type === "ai_system.updated")!;
      assert.equal(updated.entityId, existing.id);
      assert.deepEqual(updated.payload.diff, { purpose: ["p", "new purpose"] });
      const summary = events.find((e) => e.type === "ai_system.imported")!;
      assert.equal(summary.payload.importId, updated.payload.importId);
      assert.equal(summary.payload.created, 1);
      const verify = (await owner.get(`/api/v1/orgs/${org.orgId}/audit-events/verify`)).json();
      assert.equal(verify.ok, true);
      assert.equal(verify.checked, 3);
    });

    it("updates only the columns the file has, and keeps stage and type when their cells are empty", async () => {
      const { org, owner, base } = await setup();
      const s = await buildAiSystem(server, org.orgId, {
        name: "Keep",
        purpose: "stays",
        lifecycleStage: "deployed",
        aiType: "agentic",
        tags: ["a"],
      });
      const res = await importCsv(
        owner,
        org.orgId,
        `id,name,tags,lifecycle_stage,ai_type\n${s.id},Keep,b; c,,\n`,
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().updated, 1);
      const after = (await owner.get(`${base}/${s.id}`)).json();
      assert.deepEqual(after.tags, ["b", "c"]);
      assert.equal(after.purpose, "stays");
      assert.equal(after.lifecycleStage, "deployed");
      assert.equal(after.aiType, "agentic");
      assert.equal(after.version, 2);
    });

    it("round-trips: an exported file imports back unchanged, formulas escaped", async () => {
      const { org, owner, base } = await setup();
      const member = await buildMember(server, org.orgId, { role: "viewer" });
      await owner.post(base, {
        name: '=HYPERLINK("http://evil")',
        purpose: "-2+3",
        description: 'Multi\nline, with "quotes"',
        ownerId: member.userId,
        aiRoles: ["provider", "partner"],
        geographies: ["EU", "US"],
        affectedStakeholders: ["Customers"],
        tags: ["@risk", "x"],
        lifecycleStage: "validation",
      });
      const archived = (await owner.post(base, { name: "Archived one" })).json();
      await owner.post(`${base}/${archived.id}/archive`, { version: 1 });
      const res = await owner.get(`${base}/export?archived=false`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /^text\/csv/);
      assert.match(String(res.headers["content-disposition"]), /^attachment; filename="ai-systems-.*\.csv"$/);
      const csv = res.body;
      assert.ok(csv.startsWith("\uFEFFid,name,purpose,description,owner_email,"));
      assert.ok(csv.includes(`,"'=HYPERLINK(""http://evil"")",`), csv);
      assert.ok(csv.includes(",'-2+3,"));
      assert.ok(!csv.includes("Archived one"));
      assert.ok(csv.includes(member.email));
      const before = await orgFootprint(server, org.orgId);
      const again = await importCsv(owner, org.orgId, csv);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().unchanged, 1);
      assert.equal(again.json().created + again.json().updated + again.json().invalid, 0);
      const afterImport = await orgFootprint(server, org.orgId);
      assert.equal(afterImport.aiSystems, before.aiSystems);
      assert.equal(afterImport.versionSum, before.versionSum);
      const roundTripped = (await owner.get(`${base}?sort=name`)).json().items[0];
      assert.equal(roundTripped.name, '=HYPERLINK("http://evil")');
      assert.equal(roundTripped.purpose, "-2+3");
      assert.deepEqual(roundTripped.tags, ["@risk", "x"]);
      // The same file without ids creates copies: export → import into another org works.
      const other = await buildOrg(server);
      const otherClient = await clientFor(server, other.owner, other.orgId);
      const withoutIds = csv
        .split("\r\n")
        .map((line, i) => (i === 0 ? line : line.replace(/^[0-9a-f-]{36}/, "")))
        .join("\r\n")
        .replace(member.email, "");
      const copied = await importCsv(otherClient, other.orgId, withoutIds);
      assert.equal(copied.statusCode, 200, copied.body);
      assert.equal(copied.json().created, 1);
    });

    it("keeps a deactivated member as the owner they already are, but will not make them owner anew", async () => {
      const { org, owner, base } = await setup();
      const leaver = await buildMember(server, org.orgId, { role: "contributor" });
      const s = (await owner.post(base, { name: "Owned", ownerId: leaver.userId })).json();
      await server.database.db
        .update(tables.memberships)
        .set({ status: "deactivated" })
        .where(eq(tables.memberships.id, leaver.membershipId));
      const csv = (await owner.get(`${base}/export`)).body;
      const again = await importCsv(owner, org.orgId, csv);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().unchanged, 1);
      const fresh = await importCsv(owner, org.orgId, `name,owner_email\nNew,${leaver.email}\n`);
      assert.equal(fresh.statusCode, 400);
      assert.equal(fresh.json().error.details.errors[0].issues[0].path, "owner_email");
      assert.equal((await owner.get(`${base}/${s.id}`)).json().ownerId, leaver.userId);
    });

    it("exports with the list's filters and sort", async () => {
      const { owner, base } = await setup();
      await owner.post(base, { name: "b", tags: ["keep"] });
      await owner.post(base, { name: "a", tags: ["keep"] });
      await owner.post(base, { name: "c" });
      const csv = (await owner.get(`${base}/export?tag=keep&sort=-name`)).body;
      const names = csv
        .trim()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(",")[1]);
      assert.deepEqual(names, ["b", "a"]);
      const bad = await owner.get(`${base}/export?limit=5`);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, "querystring");
    });

    it("a dry run reports what would happen and stores nothing", async () => {
      const { org, owner } = await setup();
      const s = await buildAiSystem(server, org.orgId, { name: "Existing" });
      const before = await orgFootprint(server, org.orgId);
      const res = await importCsv(owner, org.orgId, `id,name\n${s.id},Renamed\n,New\n,\n`, "dryRun=true");
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      assert.equal(report.dryRun, true);
      assert.equal(report.applied, false);
      assert.deepEqual([report.total, report.created, report.updated, report.invalid], [3, 1, 1, 1]);
      assert.deepEqual(report.errors, [
        { line: 4, issues: [{ path: "name", message: "must not be empty" }] },
      ]);
      assert.deepEqual(await orgFootprint(server, org.orgId), before);
    });

    it("all_or_nothing stores nothing when a row is invalid and answers 400 with the report", async () => {
      const { org, owner } = await setup();
      const before = await orgFootprint(server, org.orgId);
      const csv =
        "name,lifecycle_stage,owner_email\nGood,idea,\nBad stage,launched,\nNo owner,idea,ghost@example.test\n";
      const res = await importCsv(owner, org.orgId, csv);
      assert.equal(res.statusCode, 400);
      const { error } = res.json();
      assert.equal(error.code, "invalid_input");
      assert.match(error.message, /2 of 3 rows are not valid, so nothing was imported/);
      assert.match(error.message, /line 3, lifecycle_stage/);
      assert.equal(error.details.applied, false);
      assert.equal(error.details.created, 1);
      assert.deepEqual(
        error.details.errors.map((e: { line: number; issues: { path: string }[] }) => [
          e.line,
          e.issues[0]!.path,
        ]),
        [
          [3, "lifecycle_stage"],
          [4, "owner_email"],
        ],
      );
      assert.deepEqual(await orgFootprint(server, org.orgId), before);
    });

    it("skip_invalid stores only the good rows and reports the others", async () => {
      const { org, owner, list } = await setup();
      const csv = "name,ai_type\nGood one,ml\nBad,quantum\nGood two,agentic\n";
      const res = await importCsv(owner, org.orgId, csv, "mode=skip_invalid");
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().applied, true);
      assert.equal(res.json().created, 2);
      assert.equal(res.json().invalid, 1);
      assert.equal(res.json().errors[0].line, 3);
      assert.equal(res.json().errors[0].issues[0].path, "ai_type");
      assert.deepEqual((await list()).map((s) => s.name).sort(), ["Good one", "Good two"]);
    });

    it("reports broken rows by line: wrong field count, broken quotes, NUL, unknown or archived ids, stale versions, duplicates", async () => {
      const { org, owner } = await setup();
      const live = await buildAiSystem(server, org.orgId, { name: "Live" });
      const gone = await buildAiSystem(server, org.orgId, { name: "Gone", archivedAt: new Date() });
      const foreign = await buildAiSystem(server, (await buildOrg(server)).orgId, { name: "Foreign" });
      const csv = [
        "id,name,version,description",
        ",Too,many,fields,here", // 2
        `"${live.id}",Live,1,`, // 3 fine
        ',Multi,,"first', // 4 starts a quoted field spanning two lines
        'second"', // 5
        ",Has\u0000nul,,", // 6
        `${foreign.id},Foreign,,`, // 7
        `${gone.id},Gone,,`, // 8
        `${live.id},Live again,,`, // 9
        `${live.id.slice(0, 8)},Short id,,`, // 10
        ",Fine,,", // 11
        ",Two\nlines,,", // 12-13: an unquoted line break ends the record
        ',"broken"quote,,', // 14
      ].join("\n");
      const before = await orgFootprint(server, org.orgId);
      const res = await importCsv(owner, org.orgId, csv, "dryRun=true");
      assert.equal(res.statusCode, 200, res.body);
      const byLine = new Map(
        res
          .json()
          .errors.map((e: { line: number; issues: { path: string; message: string }[] }) => [
            e.line,
            e.issues.map((i) => `${i.path}: ${i.message}`).join(" | "),
          ]),
      );
      assert.match(byLine.get(2) as string, /\(row\): has 5 fields but the header has 4/);
      assert.ok(!byLine.has(3));
      assert.ok(!byLine.has(4), "a quoted line break is part of the record");
      assert.match(byLine.get(6) as string, /name: contains a NUL character/);
      assert.match(byLine.get(7) as string, /id: there is no AI system with this id in this organization/);
      assert.match(byLine.get(8) as string, /id: .*archived/);
      assert.match(byLine.get(9) as string, /id: appears twice in the file \(also on line 3\)/);
      assert.match(byLine.get(10) as string, /id: must be a UUID/);
      assert.ok(!byLine.has(11));
      assert.match(byLine.get(12) as string, /\(row\): has 2 fields/);
      assert.match(byLine.get(13) as string, /\(row\): has 3 fields/);
      assert.match(byLine.get(14) as string, /\(csv\): Invalid Closing Quote.* \| \(csv\): Quote Not Closed/);
      assert.deepEqual(await orgFootprint(server, org.orgId), before);

      const stale = await importCsv(owner, org.orgId, `id,name,version\n${live.id},Renamed,7\n`);
      assert.equal(stale.statusCode, 400);
      assert.match(
        stale.json().error.details.errors[0].issues[0].message,
        /changed after this file was exported \(now version 1\)/,
      );
    });

    it("rejects an empty file, a missing or unknown header and a non-CSV body, storing nothing", async () => {
      const { org, owner } = await setup();
      const before = await orgFootprint(server, org.orgId);
      const cases: [string, RegExp, string][] = [
        ["", /empty/, "(file)"],
        ["\uFEFF\r\n\r\n", /empty/, "(file)"],
        ["purpose,tags\nx,y\n", /name column is required/, "name"],
        ["name,colour\nx,red\n", /unknown column/, "colour"],
        ["name,name\nx,y\n", /appears twice/, "name"],
        ['"name\nx,y', /Quote Not Closed/, "(header)"],
      ];
      for (const [csv, message, path] of cases) {
        for (const query of ["", "dryRun=true"]) {
          const res = await importCsv(owner, org.orgId, csv, query);
          assert.equal(res.statusCode, 400, `${JSON.stringify(csv)}: ${res.body}`);
          assert.equal(res.json().error.code, "invalid_input");
          const { issues } = res.json().error.details;
          assert.ok(
            issues.some((i: { path: string; message: string }) => i.path === path && message.test(i.message)),
            res.body,
          );
        }
      }
      const json = await owner.request({
        method: "POST",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/import`,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ name: "x" }),
      });
      assert.equal(json.statusCode, 400);
      assert.match(json.json().error.message, /text\/csv/);
      const unsupported = await owner.request({
        method: "POST",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/import`,
        headers: { "content-type": "application/xml" },
        payload: "<x/>",
      });
      assert.equal(unsupported.statusCode, 415);
      const badMode = await importCsv(owner, org.orgId, "name\nx\n", "mode=best_effort");
      assert.equal(badMode.statusCode, 400);
      assert.equal(badMode.json().error.details.issues[0].path, "querystring.mode");
      assert.deepEqual(await orgFootprint(server, org.orgId), before);
    });

    it("accepts a header-only file as an import of nothing", async () => {
      const { org, owner } = await setup();
      const res = await importCsv(owner, org.orgId, "name,purpose\n");
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().total, 0);
    });

    it(`refuses more than ${MAX_IMPORT_ROWS} rows with 413`, async () => {
      const { org, owner } = await setup();
      const csv = "name\n" + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `S${i}`).join("\n");
      const res = await importCsv(owner, org.orgId, csv);
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, "payload_too_large");
      assert.match(res.json().error.message, /at most 10000/);
      assert.equal((await orgFootprint(server, org.orgId)).aiSystems, 0);
    });

    it("imports 2,000 rows in one request with batched writes", async () => {
      const { org, owner, base } = await setup();
      const csv = "name,tags\n" + Array.from({ length: 2000 }, (_, i) => `Bulk ${i},t${i % 3}`).join("\n");
      const res = await importCsv(owner, org.orgId, csv);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().created, 2000);
      assert.equal((await owner.get(`${base}?limit=1`)).json().total, 2000);
      const fp = await orgFootprint(server, org.orgId);
      assert.equal(fp.auditEvents, 2001);
      // and update all of them in a second import
      const exported = (await owner.get(`${base}/export`)).body.replace(/,t0,/g, ",t9,");
      const again = await importCsv(owner, org.orgId, exported);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().updated, 667);
      assert.equal(again.json().unchanged, 1333);
      assert.equal((await owner.get(`${base}?tag=t9&limit=1`)).json().total, 667);
      assert.equal((await owner.get(`/api/v1/orgs/${org.orgId}/audit-events/verify`)).json().ok, true);
    });

    it("needs the import permission: viewers and auditors get 403, contributors may import", async () => {
      const { org } = await setup();
      for (const role of ["viewer", "auditor"] as const) {
        const c = await clientFor(server, await buildMember(server, org.orgId, { role }), org.orgId);
        const res = await importCsv(c, org.orgId, "name\nx\n", "dryRun=true");
        assert.equal(res.statusCode, 403, role);
        const exported = await c.get(`/api/v1/orgs/${org.orgId}/ai-systems/export`);
        assert.equal(exported.statusCode, 200, role);
      }
      const contributor = await clientFor(server, await buildMember(server, org.orgId), org.orgId);
      assert.equal((await importCsv(contributor, org.orgId, "name\nx\n")).statusCode, 200);
    });
  });
}
