import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { aiSupplierQuestionnaire, questionsOf } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer } from "../../testing/cli-harness";

/** Every choice favourable and a fresh evaluation date, as the YAML a person would write. */
function answersYaml(over: Record<string, string>): string {
  const lines = ["answers:"];
  for (const q of questionsOf(aiSupplierQuestionnaire)) {
    const value =
      over[q.id] ?? (q.type === "choice" ? q.favourable : q.type === "date" ? "2099-01-01" : undefined);
    if (value !== undefined) lines.push(`  ${q.id}: "${value}"`);
  }
  return `${lines.join("\n")}\n`;
}

for (const backend of testBackends()) {
  describe(`aims vendors questionnaire on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("answers from a file, shows the score, completes and lists the history; a bad answer names it", async () => {
      const { env } = await orgWithToken(t);
      const v = await runCliJson(["vendors", "create", "--name", "Acme", "--risk", "low", "--json"], { env });

      const bad = await runCli(["vendors", "questionnaire", "answer", v.id, "--file", "-"], {
        env,
        stdin: "answers:\n  doc.logs: maybe\n",
      });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /answers\.doc\.logs\.answer/);

      const partial = await runCli(["vendors", "questionnaire", "answer", v.id, "--file", "-"], {
        env,
        stdin: "supply.intended_use: yes\n",
      });
      assert.equal(partial.code, 0, partial.stderr);
      assert.match(partial.stdout, /Saved 1 answer\(s\); draft version 1/);
      const early = await runCli(["vendors", "questionnaire", "complete", v.id], { env });
      assert.notEqual(early.code, 0);
      assert.match(early.stderr, /answers\.doc\.logs/);

      const full = await runCli(["vendors", "questionnaire", "answer", v.id, "--file", "-"], {
        env,
        stdin: answersYaml({ "data.customer_data_reuse": "yes" }),
      });
      assert.equal(full.code, 0, full.stderr);
      assert.match(full.stdout, /Suggested rating: high; recorded rating: low \(differs\)/);
      assert.match(full.stdout, /data\.customer_data_reuse: answered "yes"/);

      const show = await runCli(["vendors", "questionnaire", "show", v.id], { env });
      assert.match(show.stdout, /draft version 2/);
      assert.match(show.stdout, /data\.customer_data_reuse: yes/);

      const done = await runCli(["vendors", "questionnaire", "complete", v.id], { env });
      assert.equal(done.code, 0, done.stderr);
      assert.match(done.stdout, /Completed questionnaire #1/);
      const history = await runCli(["vendors", "questionnaire", "show", v.id, "--history"], { env });
      assert.match(history.stdout, /#1 .* suggested high, 1 concern\(s\)/);
      const again = await runCli(["vendors", "questionnaire", "complete", v.id], { env });
      assert.notEqual(again.code, 0);
      assert.match(again.stderr, /no saved draft/);
    });
  });
}
