import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Kind } from '@sinclair/typebox';

/** Marks a copy of a named schema in a route's schema until the document lifts it out. */
export const NAME_MARK = 'x-tandem-schema';

/**
 * The names of the shared TypeBox schemas, for the OpenAPI document's `components.schemas`:
 * every `export const FooSchema` of a `*-schema.ts`, `*-schemas.ts` or `*-routes.ts` file
 * under server/src is `Foo`. Read from the files themselves, so a new module's schemas are named without a
 * list to keep; generated clients get named types instead of one anonymous type per use.
 */
export interface SchemaNames {
  /** The name of this exact schema object. */
  byObject: WeakMap<object, string>;
  /** The name of a copy with the same JSON (as `Type.Optional` makes), when only one name has it. */
  byJson: Map<string, string>;
  /** Export names used by two different schemas: the later file's keeps no name (a test says so). */
  clashes: string[];
}

export async function loadSchemaNames(root: URL): Promise<SchemaNames> {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const files = (await readdir(fileURLToPath(root), { recursive: true }))
    .filter((file) => new RegExp(`-(schemas?|routes)\\${extension}$`).test(file))
    .sort();
  const byObject = new WeakMap<object, string>();
  const jsonNames = new Map<string, Set<string>>();
  const taken = new Map<string, object>();
  const clashes: string[] = [];
  for (const file of files) {
    const exports: Record<string, unknown> = await import(new URL(file, root).href);
    for (const [exportName, schema] of Object.entries(exports)) {
      if (!exportName.endsWith('Schema') || !isNameable(schema)) continue;
      const name = exportName.slice(0, -'Schema'.length);
      if (taken.has(name) && taken.get(name) !== schema) {
        clashes.push(`${exportName} in ${file}`);
        continue;
      }
      taken.set(name, schema);
      byObject.set(schema, name);
      const json = JSON.stringify(schema);
      jsonNames.set(json, (jsonNames.get(json) ?? new Set()).add(name));
    }
  }
  const byJson = new Map(
    [...jsonNames].flatMap(([json, names]) =>
      names.size === 1 ? [[json, [...names][0] as string] as const] : [],
    ),
  );
  return { byObject, byJson, clashes };
}

/**
 * A route's own body or answer, named after its operation (`createNote` → `CreateNoteBody`,
 * `CreateNoteResponse`) unless it is a shared schema with a name of its own.
 */
export function withOperationName(
  schema: unknown,
  name: string | undefined,
  names: SchemaNames,
): unknown {
  if (!name || !isNameable(schema) || names.byObject.has(schema)) return schema;
  if (names.byJson.has(JSON.stringify(schema))) return schema;
  return { ...schema, [NAME_MARK]: name.charAt(0).toUpperCase() + name.slice(1) };
}

/** Objects, arrays, unions and enums earn a name; a bare string or number does not. */
function isNameable(schema: unknown): schema is object {
  if (typeof schema !== 'object' || schema === null || !(Kind in schema)) return false;
  const node = schema as Record<string, unknown>;
  return (
    node.type === 'object' ||
    node.type === 'array' ||
    'anyOf' in node ||
    'oneOf' in node ||
    'allOf' in node ||
    'enum' in node
  );
}

/**
 * A copy of a route's schema in which every named schema carries its name (NAME_MARK), for
 * `liftNamedSchemas` to move into components once @fastify/swagger has converted it. The
 * route's own schema objects are left as they are: Fastify validates with them.
 */
export function markNamedSchemas(node: unknown, names: SchemaNames): unknown {
  if (Array.isArray(node)) return node.map((each) => markNamedSchemas(each, names));
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, markNamedSchemas(value, names)]),
  );
  const name = names.byObject.get(node) ?? names.byJson.get(JSON.stringify(node));
  return name ? { ...copy, [NAME_MARK]: name } : copy;
}

/**
 * Moves every marked schema of the document into `components.schemas` under its name and
 * puts a `$ref` in its place. Where @fastify/swagger merged a named schema into a nullable
 * one (`X | null` becomes X with `nullable: true`), the place says `nullable` and the type
 * beside the name.
 */
export function liftNamedSchemas<T extends object>(document: T): T {
  const components: Record<string, unknown> = {};
  const lift = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(lift);
    if (typeof node !== 'object' || node === null) return node;
    const { [NAME_MARK]: name, ...rest } = node as Record<string, unknown>;
    const lifted = Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, lift(value)]),
    );
    if (typeof name !== 'string') return lifted;
    const { nullable, ...schema } = lifted;
    // OpenAPI 3.0 allows `nullable` only beside a `type`: a union stays in place, unnamed.
    if (nullable && typeof schema.type !== 'string') return lifted;
    components[name] ??= schema;
    const ref = { $ref: `#/components/schemas/${name}` };
    return nullable ? { type: schema.type, nullable, allOf: [ref] } : ref;
  };
  const lifted = lift(document) as T & { components?: { schemas?: Record<string, unknown> } };
  return {
    ...lifted,
    components: {
      ...lifted.components,
      schemas: { ...lifted.components?.schemas, ...sortedByKey(components) },
    },
  };
}

function sortedByKey(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
