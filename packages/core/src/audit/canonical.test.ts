import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { canonicalJson, chainInput, CHAIN_FORMAT } from "./canonical";

describe("canonical encoding for the audit chain", () => {
  it("sorts object keys at every depth so jsonb-style reordering cannot change the bytes", () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }),
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    assert.equal(
      canonicalJson({ a: undefined, b: new Date("2026-01-02T03:04:05.000Z") }),
      '{"b":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it("encodes every field exactly as JSON.stringify would, whatever characters it holds", () => {
    const base = {
      orgId: "0b7c7f3e-3f0a-4f57-9d51-3a8f6c1b2d4e",
      seq: 7,
      id: "5f0e…",
      type: "ai_system.updated",
      entityType: "ai_system",
      entityId: 'odd "id"\n\u001e',
      actorType: "user",
      actorId: null,
      actorTokenId: null,
      requestId: "req-1:2",
      occurredAt: "2026-11-27T10:00:00.000Z",
      payload: '{"diff":{}}',
      prevHash: "0".repeat(64),
    };
    const expected =
      JSON.stringify([
        CHAIN_FORMAT,
        base.prevHash,
        base.orgId,
        base.seq,
        base.id,
        base.type,
        base.entityType,
        base.entityId,
        base.actorType,
        base.actorId,
        base.actorTokenId,
        base.requestId,
        base.occurredAt,
      ]) + `\n${base.payload}`;
    assert.equal(chainInput(base), expected);
  });
});
