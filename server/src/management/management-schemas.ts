import { Type } from '@sinclair/typebox';
import { ReadyResponse } from '../health/health-schemas.js';

export const ManagementPhase = Type.Union(
  [Type.Literal('starting'), Type.Literal('serving'), Type.Literal('draining')],
  {
    description:
      'starting: migrations and plugins are still loading; serving: checked below; draining: shutting down, finishing in-flight work.',
  },
);

/** The management port's readiness: the public one's, plus where the process is in its life. */
export const ManagementReadyResponse = Type.Object({
  status: ReadyResponse.properties.status,
  phase: ManagementPhase,
  checks: Type.Optional(ReadyResponse.properties.checks),
  plugins: Type.Optional(ReadyResponse.properties.plugins),
});
