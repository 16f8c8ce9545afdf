import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { createFairnessAccumulator, createPerformanceAccumulator, type BuiltinRole } from "@openaims/core";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { eq } from "drizzle-orm";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
  type TestClient,
} from "../testing";

/**
 * core's COMPAS fixture (row counts per race, sex, age_cat, prediction, label cell of compas_for_aequitas.csv),
 * read as text: a server test may not import core's internals.
 */
const compasCells = [
  ...readFileSync(
    resolve(import.meta.dirname, "../../../core/src/measurement/fixtures/compas-cells.ts"),
    "utf8",
  ).matchAll(
    /\{ race: "([^"]+)", sex: "([^"]+)", age_cat: "([^"]+)", prediction: (\d), label: (\d), n: (\d+) \}/g,
  ),
].map(([, race, sex, age, prediction, label, n]) => ({
  race: race!,
  sex: sex!,
  age: age!,
  prediction: Number(prediction) as 0 | 1,
  label: Number(label) as 0 | 1,
  n: Number(n),
}));

/** The fixture as the CSV a client would upload (one row per case, cells in fixture order). */
function compasCsv(): string {
  const rows = ["id,score,label_value,race,sex,age_cat"];
  let id = 0;
  for (const c of compasCells)
    for (let i = 0; i < c.n; i++)
      rows.push(`${++id},${c.prediction},${c.label},${c.race},${c.sex},"${c.age}"`);
  return rows.join("\n") + "\n";
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

type Part = [name: string, value: string | { filename: string; content: string }];

/** A multipart body as a browser or `curl -F` sends it. */
async function multipart(parts: Part[]) {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value.content]), value.filename);
  }
  const req = new Request("http://localhost/", { method: "POST", body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

function send(client: TestClient, url: string, parts: Part[]) {
  return multipart(parts).then(({ payload, type }) =>
    client.request({ method: "POST", url, payload, headers: { "content-type": type } }),
  );
}

const fairnessParams = {
  kind: "fairness",
  label: "label_value",
  prediction: "score",
  groups: ["race", "sex"],
  reference: { race: "Caucasian" },
};

const small = "y,yhat,race\n1,1,a\n0,1,a\n1,0,b\n0,0,b\n";
const smallParams = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ kind: "fairness", label: "y", prediction: "yhat", groups: ["race"], ...extra });

for (const backend of testBackends()) {
  describe(`measurement uploads on ${backend}`, () => {
    const server = useTestServer(backend, {
      config: { evidence: { store: "db", dir: tmpdir(), maxBytes: 25 * 1024 * 1024 } },
    });

    async function setup() {
      const built = await buildOrgWithClients(server);
      const system = await buildAiSystem(server, built.org.orgId, { name: "Recidivism scorer" });
      const sys = `${built.base}/ai-systems/${system.id}`;
      const as = async (role: BuiltinRole) => (await built.member(role)).client;
      const runs = async () => (await built.owner.get(`${sys}/measurement-runs`)).json().items as unknown[];
      return { ...built, system, sys, upload: `${sys}/measurement-runs/upload`, as, runs };
    }

    /** Nothing of a refused upload is stored: no run, no evidence, no audit event. */
    async function assertNothingStored(s: Awaited<ReturnType<typeof setup>>) {
      assert.deepEqual(await s.runs(), []);
      assert.equal((await s.owner.get(`${s.base}/evidence`)).json().items.length, 0);
      const types = (await auditEventsOf(server, s.org.orgId)).map((e) => e.type);
      assert.ok(!types.includes("measurement_run.recorded"), types.join(","));
    }

    it("documents the multipart body in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const op = doc.paths["/api/v1/orgs/{orgId}/ai-systems/{id}/measurement-runs/upload"]?.post;
      assert.ok(op, "the upload route is documented");
      const schema = op.requestBody.content["multipart/form-data"].schema;
      assert.deepEqual(Object.keys(schema.properties).sort(), ["current", "file", "params", "reference"]);
      assert.equal(schema.properties.file.format, "binary");
    });

    it("a fairness upload gives the numbers core computes from the same rows, stored like a posted run", async () => {
      const s = await setup();
      const csv = compasCsv();
      const res = await send(s.owner, s.upload, [
        ["params", JSON.stringify({ ...fairnessParams, title: "COMPAS check", modelRef: "COMPAS" })],
        ["file", { filename: "compas.csv", content: csv }],
      ]);
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();

      const acc = createFairnessAccumulator({
        attributes: ["race", "sex"],
        reference: { race: "Caucasian" },
        intersectional: false,
        minGroupSize: 30,
        tau: 0.8,
        bootstrap: null,
      });
      for (const c of compasCells)
        for (let i = 0; i < c.n; i++)
          acc.add({ label: c.label, prediction: c.prediction, groups: { race: c.race, sex: c.sex } });
      assert.deepEqual(run.result, JSON.parse(JSON.stringify(acc.result())));
      const di = run.result.between.find(
        (m: { metric: string; attribute: string; group?: string }) =>
          m.metric === "disparate_impact" && m.attribute === "race" && m.group === "African-American",
      );
      assert.ok(di && di.value > 1.5, JSON.stringify(di));

      assert.equal(run.sha256, sha256(csv));
      assert.equal(run.input.bytes, Buffer.byteLength(csv));
      assert.equal(run.rowsUsed, 7214);
      assert.equal(run.input.file, "compas.csv");
      assert.equal(run.title, "COMPAS check");
      assert.equal(run.modelRef, "COMPAS");
      assert.equal(run.source, "api");
      assert.deepEqual(run.parameters.files, { file: "compas.csv" });
      assert.deepEqual(run.parameters.groups, ["race", "sex"]);
      assert.equal(run.parameters.title, undefined);

      const ev = (await s.owner.get(`${s.base}/evidence/${run.evidenceId}`)).json();
      assert.equal(ev.kind, "link");
      assert.ok(ev.url.endsWith(`/measurement-runs/${run.id}`), ev.url);
      assert.equal((await s.runs()).length, 1);
      const types = await assertChainIntact(server, s.org.orgId);
      assert.deepEqual(types.slice(-2), ["evidence.added", "measurement_run.recorded"]);
    });

    it("a performance upload reads JSON Lines by name and groups like the CLI", async () => {
      const s = await setup();
      const lines = [
        { y: 1, p: 0.9, region: "north" },
        { y: 0, p: 0.2, region: "north" },
        { y: 1, p: 0.4, region: "south" },
        { y: 0, p: 0.7, region: "south" },
      ];
      const res = await send(s.owner, s.upload, [
        [
          "params",
          JSON.stringify({ kind: "performance", label: "y", score: "p", threshold: 0.5, groups: ["region"] }),
        ],
        ["file", { filename: "scores.jsonl", content: lines.map((l) => JSON.stringify(l)).join("\n") }],
      ]);
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      const acc = createPerformanceAccumulator();
      for (const l of lines) acc.add({ label: l.y as 0 | 1, prediction: l.p >= 0.5 ? 1 : 0, score: l.p });
      const { groups, ...overall } = run.result;
      assert.deepEqual(overall, JSON.parse(JSON.stringify(acc.result())));
      assert.deepEqual(
        groups.map((g: { value: string; accuracy: number }) => `${g.value} ${g.accuracy}`),
        ["north 1", "south 0"],
      );
      assert.equal(run.input.format, "jsonl");
    });

    it("drift compares a reference and a current file; a PSI policy fails on the shifted column", async () => {
      const s = await setup();
      await s.owner.post(`${s.sys}/measurement-policies`, {
        rule: { metric: "psi", column: "*", op: "<", value: 0.25 },
      });
      const rows = (f: (i: number) => string) =>
        ["age,region", ...Array.from({ length: 200 }, (_, i) => f(i))].join("\n");
      const reference = rows((i) => `${20 + (i % 50)},${i % 2 ? "north" : "south"}`);
      const current = rows((i) => `${60 + (i % 50)},${i % 2 ? "north" : "south"}`);
      const res = await send(s.owner, s.upload, [
        ["params", JSON.stringify({ kind: "drift" })],
        ["reference", { filename: "train.csv", content: reference }],
        ["current", { filename: "week-48.csv", content: current }],
      ]);
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      assert.equal(run.kind, "drift");
      assert.equal(run.input.reference.sha256, sha256(reference));
      assert.equal(run.input.current.sha256, sha256(current));
      assert.equal(run.sha256, sha256(current));
      const psi = (column: string) =>
        run.result.columns
          .find((c: { column: string }) => c.column === column)
          .tests.find((t: { metric: string }) => t.metric === "psi").value;
      assert.equal(psi("region"), 0);
      assert.ok(psi("age") > 0.25, String(psi("age")));
      assert.equal(run.policyStatus, "fail");
      assert.ok(run.taskId);
      assert.deepEqual(run.parameters.files, { reference: "train.csv", current: "week-48.csv" });
    });

    it("keepFile stores the file as evidence too, linked like the run", async () => {
      const s = await setup();
      const res = await send(s.owner, s.upload, [
        ["params", smallParams({ minGroupSize: 1, keepFile: true })],
        ["file", { filename: "small.csv", content: small }],
      ]);
      assert.equal(res.statusCode, 201, res.body);
      const items = (await s.owner.get(`${s.base}/evidence?aiSystemId=${s.system.id}`)).json().items;
      const file = items.find((e: { kind: string }) => e.kind === "file");
      assert.ok(file, JSON.stringify(items));
      assert.deepEqual(file.file, {
        sha256: sha256(small),
        size: small.length,
        mediaType: "text/csv",
        filename: "small.csv",
      });
      const linked = (await s.owner.get(`${s.base}/evidence/${file.id}`)).json().links;
      assert.ok(
        linked.some((l: { type: string; id: string }) => l.type === "ai_system" && l.id === s.system.id),
      );
      const content = await s.owner.get(`${s.base}/evidence/${file.id}/content`);
      assert.equal(content.body, small);
      const recorded = (await auditEventsOf(server, s.org.orgId)).find(
        (e) => e.type === "measurement_run.recorded",
      );
      assert.deepEqual((recorded!.payload as { fileEvidenceIds: string[] }).fileEvidenceIds, [file.id]);
    });

    it("a malformed file is 400 with the CLI's message and line numbers, and nothing is stored", async () => {
      const s = await setup();
      const bad = "y,yhat,race\n1,1,a\n0,1\n1,0,b\n";
      const params = { kind: "fairness", label: "y", prediction: "yhat", groups: ["race"], minGroupSize: 1 };
      // keepFile: the file is stored first, and removed again when it is refused
      const res = await send(s.owner, s.upload, [
        ["params", JSON.stringify({ ...params, keepFile: true })],
        ["file", { filename: "bad.csv", content: bad }],
      ]);
      assert.equal(res.statusCode, 400, res.body);
      const error = res.json().error;
      assert.equal(error.code, "invalid_input");
      assert.equal(
        error.message,
        'bad.csv: 1 of 3 rows are not valid; nothing was measured. Fix them, or use "skipInvalid": true to leave them out.',
      );
      assert.deepEqual(error.details.issues[0], {
        path: "line 3",
        message: "has 2 fields but the header has 3",
      });
      await assertNothingStored(s);
      const blobs = await server.database.db
        .select({ key: tables.evidenceBlobs.key })
        .from(tables.evidenceBlobs)
        .where(eq(tables.evidenceBlobs.key, sha256(bad)));
      assert.deepEqual(blobs, []);

      const skipped = await send(s.owner, s.upload, [
        ["params", JSON.stringify({ ...params, skipInvalid: true })],
        ["file", { filename: "bad.csv", content: bad }],
      ]);
      assert.equal(skipped.statusCode, 201, skipped.body);
      assert.equal(skipped.json().input.rowsInvalid, 1);
      assert.equal(skipped.json().rowsUsed, 2);
    });

    it("an unknown column, an empty file and bad params are 400 naming what is wrong", async () => {
      const s = await setup();
      const file: Part = ["file", { filename: "small.csv", content: small }];
      const cases: [Part[], RegExp, string?][] = [
        [
          [
            [
              "params",
              JSON.stringify({ kind: "fairness", label: "y", prediction: "yhat", groups: ["Race"] }),
            ],
            file,
          ],
          /^small\.csv: Unknown column "Race"\. Available columns: y, yhat, race\.$/,
          "Race",
        ],
        [
          [
            ["params", smallParams()],
            ["file", { filename: "empty.csv", content: "" }],
          ],
          /^empty\.csv: The input is empty/,
        ],
        [
          [["params", JSON.stringify({ kind: "fairness", prediction: "yhat", groups: ["race"] })], file],
          /^label: /,
          "label",
        ],
        [
          [["params", JSON.stringify({ kind: "fairness", label: "y", groups: ["race"] })], file],
          /^params: The input mapping is not valid/,
          "prediction",
        ],
        [[["params", smallParams({ bootstrap: 5000 })], file], /^bootstrap: /, "bootstrap"],
        [[["params", JSON.stringify({ kind: "audit" })], file], /kind/],
        [[["params", "{not json"], file], /^params: is not valid JSON/, "params"],
        [[file, ["params", JSON.stringify(fairnessParams)]], /params field \(JSON\) first/, "params"],
        [
          [
            ["params", JSON.stringify({ kind: "drift" })],
            ["reference", { filename: "a.csv", content: small }],
          ],
          /file part "current" is missing/,
          "current",
        ],
        [
          [["params", smallParams({ reference: { race: "c" } })], file],
          /^reference race=c: no row has this value\. Values of race: a, b\.$/,
          "reference",
        ],
      ];
      for (const [parts, message, path] of cases) {
        const res = await send(s.owner, s.upload, parts);
        assert.equal(res.statusCode, 400, `${message}: ${res.body}`);
        const error = res.json().error;
        assert.match(error.message, message);
        if (path)
          assert.ok(
            error.details.issues.some((i: { path: string }) => i.path === path),
            JSON.stringify(error),
          );
      }
      const json = await s.owner.post(s.upload, { kind: "fairness" });
      assert.equal(json.statusCode, 400, json.body);
      assert.match(json.json().error.message, /multipart\/form-data/);
      await assertNothingStored(s);
    });

    it("over the size or time limit is 413 and nothing is stored", async () => {
      const s = await setup();
      const limits = { ...server.config.measurement };
      const csv = compasCsv();
      try {
        server.config.measurement.maxBytes = 10_000;
        const res = await send(s.owner, s.upload, [
          ["params", JSON.stringify({ ...fairnessParams, keepFile: true })],
          ["file", { filename: "compas.csv", content: csv }],
        ]);
        assert.equal(res.statusCode, 413, res.body);
        assert.equal(res.json().error.code, "payload_too_large");
        assert.match(
          res.json().error.message,
          /larger than the limit of 9\.8 KiB \(OPENAIMS_MEASUREMENT_MAX_BYTES\)/,
        );

        server.config.measurement = { maxBytes: limits.maxBytes, maxSeconds: 0 };
        const slow = await send(s.owner, s.upload, [
          ["params", JSON.stringify(fairnessParams)],
          ["file", { filename: "compas.csv", content: csv }],
        ]);
        assert.equal(slow.statusCode, 413, slow.body);
        assert.match(slow.json().error.message, /OPENAIMS_MEASUREMENT_MAX_SECONDS/);
      } finally {
        server.config.measurement = limits;
      }
      await assertNothingStored(s);
    });

    it("another organization's system is 404; viewers and auditors may not upload (403)", async () => {
      const s = await setup();
      const other = await setup();
      const parts: Part[] = [
        ["params", smallParams()],
        ["file", { filename: "small.csv", content: small }],
      ];
      const foreign = await send(
        s.owner,
        `${s.base}/ai-systems/${other.system.id}/measurement-runs/upload`,
        parts,
      );
      assert.equal(foreign.statusCode, 404, foreign.body);
      for (const role of ["viewer", "auditor"] as const) {
        const res = await send(await s.as(role), s.upload, parts);
        assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
      }
      await assertNothingStored(s);
      await assertNothingStored(other);
    });
  });
}
