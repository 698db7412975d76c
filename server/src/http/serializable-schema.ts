type Schema = Record<string, unknown>;

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * A response schema as fast-json-stringify serializes fastest, for the same JSON: a union with
 * null becomes its other branch marked `nullable`, a union of string literals a string, and a
 * union of plain scalar types a list of types. fast-json-stringify chooses a branch of `anyOf`
 * by validating the value against each branch with ajv, on every answer: the participant
 * overview validated each enrolment in full (a profile of dozens of fields, two date-times) to
 * tell it from null. The route keeps its schema; the API reference documents that one.
 */
export function serializableSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(serializableSchema);
  if (!isSchema(value)) return value;
  const copy: Schema = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = serializableSchema(inner);
  return Array.isArray(copy.anyOf) ? simplerUnion(copy, copy.anyOf) : copy;
}

/** The union without `anyOf` where its branches allow it; else as it was. */
function simplerUnion(union: Schema, branches: unknown[]): Schema {
  const { anyOf: _, ...siblings } = union;
  const others = branches.filter((branch) => !isSchema(branch) || branch.type !== 'null');
  const orNull = others.length < branches.length;
  const [only] = others;
  if (others.length === 1 && isSchema(only) && !('anyOf' in only) && !Array.isArray(only.type)) {
    return { ...siblings, ...only, ...(orNull ? { nullable: true } : {}) };
  }
  if (others.length > 1 && others.every(isStringLiteral)) {
    return { ...siblings, type: 'string', ...(orNull ? { nullable: true } : {}) };
  }
  if (others.length > 1 && others.every(isPlainScalar)) {
    const types = [...new Set(others.map((branch) => branch.type))];
    return { ...siblings, type: orNull ? [...types, 'null'] : types };
  }
  return union;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringLiteral(branch: unknown): boolean {
  return isSchema(branch) && typeof branch.const === 'string';
}

/** A scalar type with nothing that changes how it is written (a date-time format writes Dates). */
function isPlainScalar(branch: unknown): branch is Schema & { type: string } {
  return (
    isSchema(branch) &&
    typeof branch.type === 'string' &&
    SCALAR_TYPES.has(branch.type) &&
    branch.format === undefined &&
    branch.const === undefined
  );
}
