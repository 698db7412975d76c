import fc from 'fast-check';

/** The part of JSON Schema (as OpenAPI 3.0 writes it) that the generator understands. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Long enough to cross a limit, short enough to keep a run quick. */
const LONGEST = 300;

/**
 * Values for a schema: mostly fitting it, sometimes just past its limits (one longer, one
 * below the minimum, a value outside the enum), so that validation and the code behind it
 * are both reached. `refs` resolves `#/components/schemas/…`.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  refs: Record<string, JsonSchema> = {},
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = refs[schema.$ref.split('/').at(-1) ?? ''];
    return target ? schemaArbitrary(target, refs) : fc.jsonValue();
  }
  const fitting = fittingArbitrary(schema, refs);
  return schema.nullable ? fc.oneof(fitting, fc.constant(null)) : fitting;
}

function fittingArbitrary(schema: JsonSchema, refs: Record<string, JsonSchema>) {
  const of = (inner: JsonSchema) => schemaArbitrary(inner, refs);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), fc.string({ maxLength: 8 }));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map(of));
  if (schema.allOf?.length) return of(Object.assign({}, ...schema.allOf));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((one) => of({ ...schema, type: one })));
  switch (type[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: (schema.minimum ?? -1000) - 1, max: (schema.maximum ?? 1000) + 1 });
    case 'number':
      return fc.double({
        min: (schema.minimum ?? -1e6) - 1,
        max: (schema.maximum ?? 1e6) + 1,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? of(schema.items) : fc.jsonValue(), {
        maxLength: Math.min(schema.maxItems ?? 5, 20) + 1,
      });
    case 'object':
      return objectArbitrary(schema, refs);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }));
    case 'date-time':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string({ maxLength: 30 }),
      );
    case 'date':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.string({ maxLength: 12 }),
      );
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }));
    case 'uri':
      return fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }));
  }
  const maxLength = Math.min(schema.maxLength ?? 40, LONGEST) + 1;
  return fc.string({
    unit: 'binary',
    minLength: Math.max((schema.minLength ?? 0) - 1, 0),
    maxLength,
  });
}

function objectArbitrary(schema: JsonSchema, refs: Record<string, JsonSchema>) {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, inner]) => [name, schemaArbitrary(inner, refs)]),
  );
  const record = fc.record(fields, {
    requiredKeys: Object.keys(fields).filter((name) => required.has(name)),
  });
  // Now and then a required field is missing or an unknown one is added.
  return fc.oneof(
    { weight: 4, arbitrary: record },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          record,
          fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        )
        .map(([known, extra]) => ({ ...extra, ...known })),
    },
  );
}
