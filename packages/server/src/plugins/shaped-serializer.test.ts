import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { AiSystemPage, AiSystemView } from "@openaims/core";
import { serializerCompiler } from "fastify-type-provider-zod";
import { shapedSerializerCompiler, shaperOf } from "./shaped-serializer";

const route = (schema: unknown) => ({ schema, method: "GET", url: "/x", httpStatus: "200" });
const zodJson = (schema: z.ZodType, data: unknown) => serializerCompiler(route(schema) as never)(data);
const shapedJson = (schema: z.ZodType, data: unknown) =>
  shapedSerializerCompiler(route(schema) as never)(data);

const view: AiSystemView = {
  id: "0b6f4c3e-8a3b-4b7e-9a51-0d7f1f6f2a10",
  orgId: "5d0c1f0e-2b8e-4a55-8b7c-3c2a9d8e1f00",
  name: 'Résumé screener "v2"',
  purpose: "Ranks applications",
  description: "",
  ownerId: null,
  ownerName: null,
  businessUnit: "HR",
  lifecycleStage: "deployed",
  aiType: "ml",
  aiRoles: ["customer"],
  deploymentContext: "",
  geographies: ["EU"],
  affectedStakeholders: [],
  humanOversight: "",
  tags: ["hr", "eu"],
  archivedAt: null,
  createdAt: "2026-01-02T03:04:05.678Z",
  updatedAt: "2026-01-02T03:04:05.678Z",
  version: 3,
  abilities: { read: true, update: false },
};

describe("shaped response serializer", () => {
  it("writes an AI system page exactly as the validating zod serializer does", () => {
    const page = { items: [view, { ...view, ownerName: "Ada" }], nextCursor: null, total: 2, abilities: {} };
    assert.equal(shapedJson(AiSystemPage, page), zodJson(AiSystemPage, page));
    assert.equal(shapedJson(AiSystemView, view), zodJson(AiSystemView, view));
  });

  it("drops fields the schema does not declare, at every depth", () => {
    const leaky = { ...view, passwordHash: "secret", searchText: "x" };
    const page = { items: [leaky], nextCursor: "c", total: 1, abilities: { create: true }, debug: 1 };
    const out = JSON.parse(shapedJson(AiSystemPage, page));
    assert.deepEqual(Object.keys(out).sort(), ["abilities", "items", "nextCursor", "total"]);
    assert.equal(out.items[0].passwordHash, undefined);
    assert.equal(out.items[0].searchText, undefined);
    assert.deepEqual(out.items[0], JSON.parse(zodJson(AiSystemView, view)));
  });

  it("leaves schemas it cannot shape to the validating serializer", () => {
    const union = z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]);
    const transformed = z.object({ at: z.string().transform((s) => s.length) });
    const loose = z.looseObject({ a: z.string() });
    for (const schema of [union, transformed, loose]) assert.equal(shaperOf(schema), null);
    assert.throws(() => shapedJson(union, { c: true }));
  });
});
