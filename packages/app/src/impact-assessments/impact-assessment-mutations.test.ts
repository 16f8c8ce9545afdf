import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor, ImpactAssessmentAction, ImpactAssessmentContentInput } from "@openaims/core";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAiSystem } from "../ai-systems/create-ai-system";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, buildTestOrg, commandFilesIn, expectAuditEvent } from "../testing";
import { createImpactAssessment } from "./create-impact-assessment";
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
