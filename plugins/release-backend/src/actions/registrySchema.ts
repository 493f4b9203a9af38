import { z } from 'zod';
import type { z as zod3 } from 'zod/v3';

/**
 * The actions registry describes and checks inputs with zod 3, while the
 * shared request schemas of release-common are zod 4. This gives the
 * registry a zod 3 object of the same shape (field names, types, enums,
 * optional and nullable), so MCP clients see the HTTP API's fields; the
 * use case then validates with the shared schema itself, with the same
 * field errors as over HTTP (docs/errors.md).
 */
export function registrySchema(
  z3: typeof zod3,
  schema: z.ZodType,
  descriptions: Record<string, string> = {},
): zod3.AnyZodObject {
  const converted = convert(z3, schema);
  if (!(converted instanceof z3.ZodObject)) {
    throw new Error('An action input must be an object schema');
  }
  const shape = Object.fromEntries(
    Object.entries(converted.shape as zod3.ZodRawShape).map(([key, field]) => [
      key,
      descriptions[key] ? field.describe(descriptions[key]) : field,
    ]),
  );
  return z3.object(shape);
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  format?: string;
};

function convert(z3: typeof zod3, schema: z.ZodType): zod3.ZodTypeAny {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object':
      return z3.object(
        Object.fromEntries(
          Object.entries(def.shape!).map(([key, field]) => [
            key,
            convert(z3, field),
          ]),
        ),
      );
    case 'string':
      return def.format === 'datetime'
        ? z3
            .string()
            .describe('An ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z')
        : z3.string();
    case 'number':
      return z3.number();
    case 'boolean':
      return z3.boolean();
    case 'enum':
      return z3.enum(Object.values(def.entries!) as [string, ...string[]]);
    case 'literal':
      return z3.literal(def.values![0] as string);
    case 'array':
      return z3.array(convert(z3, def.element!));
    case 'optional':
    case 'default':
      return convert(z3, def.innerType!).optional();
    case 'nullable':
      return convert(z3, def.innerType!).nullable();
    case 'pipe':
      // A transform (entity refs are normalised): its input is what clients send.
      return convert(z3, def.in!);
    default:
      throw new Error(`No zod 3 form for a ${def.type} schema`);
  }
}
