import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { buildMember, buildOrg, clientFor, sessionFor, useTestServer } from "../testing";
import { deployerAnswers } from "../testing/eu-ai-act-answers";

const URL = "/api/v1/eu-ai-act/classify";
// a deployer of a credit-scoring system (Annex III 5(b)) whose system also talks to people (Art. 50(1))
const answers = (patch: Record<string, unknown> = {}) =>
  deployerAnswers({ art50: { ...deployerAnswers().art50, interactsWithPersons: true }, ...patch });

for (const backend of testBackends()) {
  describe(`POST ${URL} on ${backend}`, () => {
    const server = useTestServer(backend);

    it("rejects a caller without credentials with 401", async () => {
      const res = await server.app.inject({ method: "POST", url: URL, payload: answers() });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "unauthenticated");
    });

    it("classifies credit scoring for a deployer: high-risk Annex III 5(b), FRIA, dated from 2027-12-02", async () => {
      const { owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const res = await client.post(URL, answers());
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.highRisk, true);
      assert.equal(body.highRiskRoute, "annex_iii");
      assert.equal(body.annexIIIPoint, "5(b)");
      assert.equal(body.friaRequired, true);
      assert.deepEqual(body.transparency, ["50(1)"]);
      const fria = body.obligations.find((o: { article: string }) => o.article === "Art. 27");
      assert.deepEqual([fria.role, fria.appliesFrom, fria.basis], ["deployer", "2027-12-02", "2026/1744"]);
      assert.match(body.rationale[0], /eu-ai-act-2024-1689-amended-2026-1744/);
    });

    it("answers an API token of a viewer too, and stores nothing", async () => {
      const { orgId } = await buildOrg(server);
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      const client = await clientFor(server, viewer, orgId);
      const res = await client.post(URL, answers({ roles: ["provider"], prohibitedPractices: ["ba"] }));
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().prohibitedPoints, ["ba"]);
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ["an unknown Annex III point", { annexIII: "9(a)" }, "annexIII"],
      [
        "an Art. 6(3) exception without an Annex III point",
        { annexIII: null, art6_3: { exception: "b", profiling: false } },
        "art6_3.exception",
      ],
      ["an unknown Art. 5 point", { prohibitedPractices: ["z"] }, "prohibitedPractices.0"],
      [
        "negative compute",
        { gpai: { isGpaiModel: true, trainingComputeFlop: -5, designatedSystemicRisk: false } },
        "gpai.trainingComputeFlop",
      ],
      ["a missing field", { publicBodyOrPublicService: undefined }, "publicBodyOrPublicService"],
    ];
    for (const [what, patch, path] of bad)
      it(`answers 400 naming ${path} for ${what}`, async () => {
        const { owner } = await buildOrg(server);
        const { client } = await sessionFor(server, owner);
        const res = await client.post(URL, answers(patch));
        assert.equal(res.statusCode, 400, res.body);
        const { error } = res.json();
        assert.equal(error.code, "invalid_input");
        assert.ok(
          error.details.issues.some((i: { path: string }) => i.path === path),
          JSON.stringify(error.details.issues),
        );
      });

    it("documents the request and response schemas in OpenAPI", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const op = doc.paths[URL]?.post;
      assert.ok(op, "path documented");
      const req = op.requestBody.content["application/json"].schema;
      assert.ok(req.properties.art6_3.properties.exception, "request schema");
      const res = op.responses["200"].content["application/json"].schema;
      assert.deepEqual(res.properties.gpai.enum, ["none", "gpai", "gpai_systemic_risk"]);
    });
  });
}
