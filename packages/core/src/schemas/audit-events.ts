import { z } from "zod";
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "./common";

export const AuditEventQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  type: z.string().max(100).optional(),
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

export const VerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().optional(),
  reason: z.string().optional(),
  headSeq: z.number(),
  headHash: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
