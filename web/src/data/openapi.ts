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
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const readOpenApiDocument = (signal?: AbortSignal) =>
  api<OpenApiDocument>('/api/openapi.json', signal ? { signal } : {});
