import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor, ImpactAssessmentAction, ImpactAssessmentContentInput } from "@openaims/core";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAiSystem } from "../ai-systems/create-ai-system";
import { createAppliedControl } from "../soa/create-applied-control";
import "../soa/link-targets";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, buildTestOrg, commandFilesIn, expectAuditEvent } from "../testing";
import { createImpactAssessment } from "./create-impact-assessment";
import { diffImpactAssessmentVersions } from "./diff-impact-assessment-versions";
import { recordAuthorityNotification } from "./record-authority-notification";
import { runImpactAssessmentAction } from "./run-impact-assessment-action";
import { updateImpactAssessment } from "./update-impact-assessment";

const meta = { requestId: "test" };
const t = "Written.";
const content: ImpactAssessmentContentInput = {
  system: { description: t, intendedUse: t },
  affected: { individuals: t },
  benefits: { description: t },
  harms: [{ dimension: "safety", description: t, severity: 2, likelihood: 1 }],
  residual: { summary: t },
  consultation: { summary: t },
  decision: { outcome: "proceed", rationale: t },
  fria: {
    processes: t,
    periodAndFrequency: t,
    affectedCategories: t,
    specificRisks: t,
    humanOversight: t,
    measuresIfMaterialised: t,
    governance: t,
    complaints: t,
  },
};

/** The content with other benefits and the harm's applied controls, for comparing versions. */
const variant = (benefits: string, appliedControlIds: string[] = []): ImpactAssessmentContentInput => ({
  ...content,
  benefits: { description: benefits },
  harms: content.harms!.map((h) => ({ ...h, appliedControlIds })),
});

for (const backend of testBackends()) {
  describe(`impact assessment use cases on ${backend}`, () => {
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

    it("every mutating use case and workflow action appends an audit event; the chain stays valid", async () => {
      const orgId = author.orgId;
      const system = await createAiSystem(ctx, author, meta, { name: "Triage" });
      const expectEvent = <T>(what: string, run: () => Promise<T>) => expectAuditEvent(ctx, orgId, what, run);
      let a = await expectEvent("createImpactAssessment", () =>
        createImpactAssessment(ctx, author, meta, { aiSystemId: system.id, variant: "fria" }),
      );
      a = await expectEvent("updateImpactAssessment", () =>
        updateImpactAssessment(ctx, author, meta, a.id, { version: a.version, content }),
      );
      for (const [who, action] of [
        [author, "submit"],
        [approver, "reject"],
        [author, "submit"],
        [approver, "approve"],
        [approver, "mark-reviewed"],
        [author, "revise"],
      ] as [Actor, ImpactAssessmentAction][])
        a = await expectEvent(action, () =>
          runImpactAssessmentAction(ctx, who, meta, a.id, action, { version: a.version }),
        );
      a = await expectEvent("recordAuthorityNotification", () =>
        recordAuthorityNotification(ctx, author, meta, a.id, {
          notifiedOn: new Date().toISOString().slice(0, 10),
          authority: "MSA",
        }),
      );
      a = await expectEvent("archive", () =>
        runImpactAssessmentAction(ctx, approver, meta, a.id, "archive", { version: a.version }),
      );
      assert.equal(a.status, "archived");
      assert.equal(a.approvedVersion, 3);
      // archived mid-revision: restored as that draft, the approval still in force
      a = await expectEvent("restore", () =>
        runImpactAssessmentAction(ctx, approver, meta, a.id, "restore", { version: a.version }),
      );
      assert.deepEqual([a.status, a.archivedAt, a.approvedVersion], ["draft", null, 3]);
    });

    it("restores an assessment archived as approved to approved; only approvers restore, only when archived", async () => {
      const system = await createAiSystem(ctx, author, meta, { name: "Routing" });
      let a = await createImpactAssessment(ctx, author, meta, { aiSystemId: system.id, content });
      for (const [who, action] of [
        [author, "submit"],
        [approver, "approve"],
      ] as [Actor, ImpactAssessmentAction][])
        a = await runImpactAssessmentAction(ctx, who, meta, a.id, action, { version: a.version });
      const code = (p: Promise<unknown>) =>
        p.then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
      assert.equal(
        await code(runImpactAssessmentAction(ctx, approver, meta, a.id, "restore", { version: a.version })),
        "invalid_state",
      );
      a = await runImpactAssessmentAction(ctx, approver, meta, a.id, "archive", { version: a.version });
      assert.equal(a.abilities.restore, true);
      assert.equal(
        await code(runImpactAssessmentAction(ctx, author, meta, a.id, "restore", { version: a.version })),
        "forbidden",
      );
      a = await runImpactAssessmentAction(ctx, approver, meta, a.id, "restore", { version: a.version });
      assert.deepEqual([a.status, a.archivedAt, a.approvedVersion], ["approved", null, 2]);
      assert.equal(a.abilities.revise, true);
    });

    it("compares the approved version with the next approved revision; unknown versions and other orgs are 404", async () => {
      const system = await createAiSystem(ctx, author, meta, { name: "Triage" });
      const control = await createAppliedControl(ctx, approver, meta, { name: "Human review" });
      let a = await createImpactAssessment(ctx, author, meta, {
        aiSystemId: system.id,
        content: variant("Faster triage."),
      });
      const step = async (who: Actor, action: "submit" | "approve" | "revise") =>
        (a = await runImpactAssessmentAction(ctx, who, meta, a.id, action, { version: a.version }));
      await step(author, "submit"); // v1
      await step(approver, "approve"); // v2
      await step(author, "revise");
      a = await updateImpactAssessment(ctx, author, meta, a.id, {
        version: a.version,
        title: "Triage, revised",
        content: variant("Faster triage.\nFewer missed calls.", [control.id]),
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

    it("lists every use case of this folder that runs a command", async () => {
      assert.deepEqual(await commandFilesIn(new URL(".", import.meta.url)), [
        "create-impact-assessment.ts",
        "record-authority-notification.ts",
        "run-impact-assessment-action.ts",
        "update-impact-assessment.ts",
      ]);
    });
  });
}
