import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import type { z } from "zod";

type Shape = (value: unknown) => unknown;
const asIs: Shape = (value) => value;

/**
 * Copies exactly the fields a schema declares (nested objects and arrays too), without checking values;
 * null when the schema has a kind this does not handle (unions, transforms, loose objects, …).
 */
export function shaperOf(schema: z.core.$ZodType): Shape | null {
  const def = schema?._zod?.def as (z.core.$ZodTypeDef & Record<string, unknown>) | undefined;
  if (!def) return null;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "literal":
      return asIs;
    case "nullable":
    case "optional": {
      const inner = shaperOf(def.innerType as z.core.$ZodType);
      if (!inner || inner === asIs) return inner;
      return (v) => (v === null || v === undefined ? v : inner(v));
    }
    case "array": {
      const element = shaperOf(def.element as z.core.$ZodType);
      if (!element) return null;
      return element === asIs ? asIs : (v) => (v as unknown[]).map(element);
    }
    case "record": {
      // a map of scalars (e.g. abilities): every key is data, so it goes out as it is
      const value = shaperOf(def.valueType as z.core.$ZodType);
      return value === asIs ? asIs : null;
    }
    case "object": {
      if (def.catchall && (def.catchall as z.core.$ZodType)._zod.def.type !== "never") return null;
      const fields: [string, Shape][] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        const shape = shaperOf(field);
        if (!shape) return null;
        fields.push([key, shape]);
      }
      return (v) => {
        const source = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [key, shape] of fields) {
          const x = source[key];
          if (x !== undefined) out[key] = shape(x);
        }
        return out;
      };
    }
    default:
      return null;
  }
}

/**
 * A response body that is already JSON text matching the route's schema (e.g. list items written by
 * PostgreSQL): the shaped serializer sends it as it is. Whoever builds one answers for it matching the schema
 * (the AI-system list has a test that its bytes equal the presenter's).
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * A response serializer for hot read routes whose body a presenter builds field by field, typed against the
 * same schema: it writes only the declared fields (nothing undeclared can leak) but does not re-validate
 * every value, which on a page of 50 items costs about a fifth of the request. Schemas it cannot shape are
 * validated by the regular zod serializer. The OpenAPI document is generated from the schema as before.
 */
export function shapedSerializerCompiler<S>(
  route: Parameters<FastifySerializerCompiler<S>>[0],
): (data: unknown) => string {
  const zodRoute = route as unknown as Parameters<typeof serializerCompiler>[0];
  const shape = shaperOf(zodRoute.schema as z.core.$ZodType);
  if (!shape) {
    const validating = serializerCompiler(zodRoute);
    return (data) => (data instanceof JsonText ? data.text : validating(data));
  }
  return (data) => (data instanceof JsonText ? data.text : JSON.stringify(shape(data)));
}
