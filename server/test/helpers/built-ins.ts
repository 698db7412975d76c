/** How the built-in plugins show in /api/admin/plugins and /health/ready: all active, first; `email` only once configured. */
export const BUILT_IN_STATUSES = [
  { name: 'qa-quickstart', kind: 'curriculum', version: '0.1.0', status: 'active' },
  { name: 'half-year', kind: 'curriculum', version: '0.1.0', status: 'active' },
  { name: 'lunch-rounds', kind: 'curriculum', version: '0.1.0', status: 'active' },
  { name: 'weighted', kind: 'matching-strategy', version: '0.1.0', status: 'active' },
  { name: 'lunch', kind: 'matching-strategy', version: '0.1.0', status: 'active' },
  { name: 'webhook', kind: 'notification-channel', version: '0.1.0', status: 'active' },
] as const;
