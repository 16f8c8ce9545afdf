import { z } from "zod";
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, Page } from "./common";

const Key = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !s.includes("\u0000"), { message: "contains a NUL character" });

export const AuditEventQuery = z.strictObject({
  entityType: Key(50).optional(),
  entityId: Key(100).optional(),
  actorId: Key(100).optional(),
  type: Key(100).optional(),
  from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

export const AuditEventView = z.object({
  seq: z.number(),
  id: z.string(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  actorName: z.string().nullable(),
  requestId: z.string().nullable(),
  occurredAt: z.string(),
  payload: z.unknown(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
export const AuditEventPage = Page(AuditEventView);
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().optional(),
  reason: z.string().optional(),
  headSeq: z.number(),
  headHash: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
