/**
 * Who may call a route. Every route says it in its `config.access`; a route without one is
 * refused at start-up (see auth-plugin.ts), so nothing is public by accident.
 * - `anonymous`: anyone, signed in or not
 * - `participant`: any signed-in person
 * - `admin`: signed-in people with the admin role
 * - `scim`: provisioning clients (an identity provider's SCIM connector) with an API token of
 *   scope `scim`; never a session, and such a token opens nothing else
 */
export type Access = 'anonymous' | 'participant' | 'admin' | 'scim';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
