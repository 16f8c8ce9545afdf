import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allows } from "../access/policy";
import { builtinRoles, type BuiltinRole } from "../access/roles";
import { DomainError } from "../shared/domain-error";
import { builtinActor } from "../testing/actors";
import { CreateAiModelInput, UpdateAiModelInput } from "../schemas/ai-models";
import {
  aiModelPolicy,
  decideArchiveAiModel,
  decideCreateAiModel,
  decideUpdateAiModel,
  inheritedAttention,
  type AiModelState,
} from "./ai-model";

const state = (extra: Partial<AiModelState> = {}): AiModelState => ({
  id: "m1",
  orgId: "o1",
  ...CreateAiModelInput.parse({ name: "Scorer" }),
  archivedAt: null,
  version: 3,
  ...extra,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.code;
  }
  return "none";
};

describe("AI model policy (role × action)", () => {
  const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
  for (const role of builtinRoles) {
    it(`${role}: reads, and writes only with ai_system.update`, () => {
      const actor = builtinActor(role);
      assert.equal(allows(actor, aiModelPolicy, "read", { archivedAt: null }), true);
      for (const action of ["create", "update", "archive", "restore"] as const)
        assert.equal(
          allows(actor, aiModelPolicy, action, { archivedAt: null }),
          writers.includes(role),
          `${role} ${action}`,
        );
    });
  }
});

describe("AI model decisions", () => {
  it("creation records every field in the diff", () => {
    const e = decideCreateAiModel("m1", CreateAiModelInput.parse({ name: "Scorer", gpai: true }));
    assert.equal(e.type, "ai_model.created");
    assert.deepEqual((e.payload.diff as Record<string, unknown>).gpai, [null, true]);
  });

  it("an update diffs only the changed fields; no change is null; stale version 409; archived refused", () => {
    const d = decideUpdateAiModel(state(), { gpai: true, name: "Scorer" }, 3);
    assert.deepEqual(d?.diff, { gpai: [false, true] });
    assert.equal(decideUpdateAiModel(state(), { name: "Scorer" }, 3), null);
    assert.equal(
      code(() => decideUpdateAiModel(state(), { gpai: true }, 2)),
      "conflict",
    );
    assert.equal(
      code(() => decideUpdateAiModel(state({ archivedAt: new Date() }), { gpai: true }, 3)),
      "invalid_state",
    );
  });

  it("archive and restore are one-way each", () => {
    assert.equal(decideArchiveAiModel(state(), 3, true).type, "ai_model.archived");
    assert.equal(
      code(() => decideArchiveAiModel(state(), 3, false)),
      "invalid_state",
    );
    assert.equal(decideArchiveAiModel(state({ archivedAt: new Date() }), 3, false).type, "ai_model.restored");
  });

  it("a live GPAI model passes attention on; a non-GPAI or archived one does not", () => {
    const a = inheritedAttention([
      { id: "a", name: "Big LM", gpai: true, archivedAt: null },
      { id: "b", name: "Tree", gpai: false, archivedAt: null },
      { id: "c", name: "Old LM", gpai: true, archivedAt: new Date() },
    ]);
    assert.deepEqual(a, [
      { reason: "gpai_model", componentType: "ai_model", componentId: "a", label: "Big LM" },
    ]);
  });

  it("the schema refuses negative compute, unknown card sections and links to other record kinds", () => {
    const bad = (input: unknown) => {
      const r = CreateAiModelInput.safeParse(input);
      assert.equal(r.success, false);
      return r.error!.issues[0]!.path.join(".");
    };
    assert.equal(bad({ name: "x", trainingComputeFlop: -1 }), "trainingComputeFlop");
    assert.equal(bad({ name: "x", modelCard: { nonsense: {} } }), "modelCard");
    assert.equal(
      bad({ name: "x", links: [{ type: "document", id: "00000000-0000-4000-8000-000000000001" }] }),
      "links.0.type",
    );
    assert.equal(bad({ name: "" }), "name");
    assert.ok(
      CreateAiModelInput.parse({ name: "x", trainingComputeFlop: 1e25 }).trainingComputeFlop === 1e25,
    );
    assert.equal(UpdateAiModelInput.safeParse({ gpai: true }).success, false); // version required
  });
});
