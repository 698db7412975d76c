import { api } from './api-client.js';

/**
 * The parts of the server's OpenAPI 3.0 document the reference page shows. Schemas stay
 * plain JSON: the page prints them as they are.
 */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface OpenApiContent {
  [mediaType: string]: { schema?: JsonSchema };
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: OpenApiContent };
  responses?: Record<string, { description?: string; content?: OpenApiContent }>;
  'x-tandem-access'?: 'anonymous' | 'participant' | 'admin';
  'x-tandem-scope'?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const readOpenApiDocument = async (signal?: AbortSignal) =>
  withSchemasInPlace(await api<OpenApiDocument>('/api/openapi.json', signal ? { signal } : {}));

/**
 * The document with each named schema (`$ref` to components) written out where it is used,
 * titled with its name, so the page prints a schema whole. A schema met again inside itself
 * stays a reference.
 */
function withSchemasInPlace(document: OpenApiDocument): OpenApiDocument {
  const named = document.components?.schemas ?? {};
  const inPlace = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((each) => inPlace(each, seen));
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    const name = typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : undefined;
    if (name && named[name] && !seen.includes(name))
      return { title: name, ...(inPlace(named[name], [...seen, name]) as JsonSchema) };
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, inPlace(value, seen)]),
    );
  };
  return { ...document, paths: inPlace(document.paths, []) as OpenApiDocument['paths'] };
}
