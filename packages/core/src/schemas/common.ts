import { z } from "zod";

export const Uuid = z.uuid({ message: "must be a UUID" });
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an e-mail address" }));
/** A short single-line label. */
export const Name = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\r\n]/.test(s), { message: "must be a single line" });
export const LongText = (max = 10_000) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

/** Query strings bypass the JSON parser's NUL check, and PostgreSQL cannot compare text containing NUL. */
export const QueryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !s.includes("\u0000"), { message: "contains a NUL character" });

export const Version = z.number().int().min(1);
export const IsoDateTime = z.string();

/** Lists are bounded: the default and maximum page size are fixed here for every endpoint. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const Abilities = z.record(z.string(), z.boolean());
