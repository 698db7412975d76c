import { type Static, Type } from '@sinclair/typebox';

/**
 * The request shapes of the SCIM routes. Resources are checked loosely here — clients send
 * attributes Tandem does not keep, and Entra ID's own spellings — and strictly where they are
 * read (scim-user-mapping.ts, scim-group-mapping.ts).
 */
export const ScimQuerySchema = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 1000 })),
  startIndex: Type.Optional(Type.Integer()),
  count: Type.Optional(Type.Integer()),
  attributes: Type.Optional(Type.String()),
  excludedAttributes: Type.Optional(Type.String()),
});
export type ScimQuery = Static<typeof ScimQuerySchema>;

export const ScimResourceSchema = Type.Object(
  { schemas: Type.Optional(Type.Array(Type.String())) },
  { additionalProperties: true },
);

export const PatchOpSchema = Type.Object(
  {
    schemas: Type.Optional(Type.Array(Type.String())),
    Operations: Type.Array(
      Type.Object(
        {
          op: Type.String(),
          path: Type.Optional(Type.String()),
          value: Type.Optional(Type.Unknown()),
        },
        { additionalProperties: true },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: true },
);
export type PatchOp = Static<typeof PatchOpSchema>;

export const ScimIdSchema = Type.Object({ id: Type.String({ maxLength: 200 }) });
