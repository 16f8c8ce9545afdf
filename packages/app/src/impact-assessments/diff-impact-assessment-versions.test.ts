import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor, ImpactAssessmentContentInput } from "@openaims/core";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAiSystem } from "../ai-systems/create-ai-system";
import { createAppliedControl } from "../soa/create-applied-control";
import "../soa/link-targets";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, buildTestOrg } from "../testing";
import { createImpactAssessment } from "./create-impact-assessment";
import { diffImpactAssessmentVersions } from "./diff-impact-assessment-versions";
import { runImpactAssessmentAction } from "./run-impact-assessment-action";
import { updateImpactAssessment } from "./update-impact-assessment";

const meta = { requestId: "test" };
const t = "Written.";
const content = (benefits: string, appliedControlIds: string[] = []): ImpactAssessmentContentInput => ({
  system: { description: t, intendedUse: t },
  affected: { individuals: t },
  benefits: { description: benefits },
  harms: [{ dimension: "safety", description: t, severity: 2, likelihood: 1, appliedControlIds }],
  residual: { summary: t },
  consultation: { summary: t },
  decision: { outcome: "proceed", rationale: t },
});

for (const backend of testBackends()) {
  describe(`diffImpactAssessmentVersions on ${backend}`, () => {
    let ctx: AppContext;
    let author: Actor;
    let approver: Actor;

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      const orgId = await buildTestOrg(ctx);
      author = await buildActor(ctx, orgId, "contributor");
      approver = await buildActor(ctx, orgId, "governance_lead");
    });
    after(async () => ctx?.database.close());

    it("compares the approved version with the next approved revision; unknown versions and other orgs are 404", async () => {
      const system = await createAiSystem(ctx, author, meta, { name: "Triage" });
      const control = await createAppliedControl(ctx, approver, meta, { name: "Human review" });
      let a = await createImpactAssessment(ctx, author, meta, {
        aiSystemId: system.id,
        content: content("Faster triage."),
      });
      const step = async (who: Actor, action: "submit" | "approve" | "revise") =>
        (a = await runImpactAssessmentAction(ctx, who, meta, a.id, action, { version: a.version }));
      await step(author, "submit"); // v1
      await step(approver, "approve"); // v2
      await step(author, "revise");
      a = await updateImpactAssessment(ctx, author, meta, a.id, {
        version: a.version,
        title: "Triage, revised",
        content: content("Faster triage.\nFewer missed calls.", [control.id]),
      });
      await step(author, "submit"); // v3
      await step(approver, "approve"); // v4

      const d = await diffImpactAssessmentVersions(ctx, approver, a.id, 2, 4);
      assert.deepEqual([d.from, d.to, d.same], [2, 4, false]);
      assert.deepEqual(
        d.sections.map((s) => s.key),
        ["benefits", "harms"],
      );
      assert.deepEqual(
        d.sections[0]!.fields[0]!.lines.map((l) => [l.op, l.text]),
        [
          ["equal", "Faster triage."],
          ["add", "Fewer missed calls."],
        ],
      );
      assert.ok(d.sections[1]!.fields[0]!.lines.some((l) => l.text === "  Applied controls: Human review"));
      // the submitted and the approved version of one revision hold the same content
      assert.equal((await diffImpactAssessmentVersions(ctx, approver, a.id, 3, 4)).same, true);
      const code = (p: Promise<unknown>) =>
        p.then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
      assert.equal(await code(diffImpactAssessmentVersions(ctx, approver, a.id, 2, 9)), "not_found");
      const stranger = await buildActor(ctx, await buildTestOrg(ctx), "owner");
      assert.equal(await code(diffImpactAssessmentVersions(ctx, stranger, a.id, 2, 4)), "not_found");
    });
  });
}
