import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ConfigOf, ConfigSchema } from './definition.js';

// ajv-formats is CommonJS: under NodeNext its plugin function is the default export's default.
const addFormats = addFormatsModule.default;

// A standard JSON Schema validator, because a configSchema may be a TypeBox schema or a plain
// JSON Schema object, and TypeBox's own Value functions only understand the former.
const ajv = new Ajv({ useDefaults: true, coerceTypes: true, strict: false, allErrors: false });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** Why a configuration was refused: the top-level field (empty for the whole) and the rule. */
export interface ConfigProblem {
  /** The top-level property at fault, e.g. `smtpPort`; empty when the problem is the whole. */
  field: string;
  /** JSON Pointer to the value at fault, e.g. `/smtpPort` or `/recipients/0`. */
  path: string;
  /** What the value must be, e.g. `must be integer`. */
  message: string;
}

/** A configuration ready for the plugin, or why it is not. */
export type ResolvedConfig<C> = { config: C; problem?: never } | { problem: ConfigProblem };

/**
 * Prepares a plugin's configuration as the host does before any call: a copy of `given` with
 * the schema's defaults filled in and text converted to the declared types (`"587"` → `587`),
 * then validated against `configSchema` — a TypeBox schema or a plain JSON Schema object.
 */
export function resolvePluginConfig<S extends ConfigSchema>(
  configSchema: S,
  given: Record<string, unknown> = {},
): ResolvedConfig<ConfigOf<S>> {
  const config = structuredClone(given);
  const validate = validator(configSchema);
  if (validate(config)) return { config: config as ConfigOf<S> };
  const error = validate.errors?.[0];
  const missing = error?.keyword === 'required' ? `/${error.params.missingProperty}` : '';
  const path = `${error?.instancePath ?? ''}${missing}`;
  return {
    problem: {
      field: path.split('/')[1] ?? '',
      path: path || '/',
      message: missing ? 'is required' : (error?.message ?? 'is invalid'),
    },
  };
}

function validator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
