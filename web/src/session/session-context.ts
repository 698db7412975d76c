import { createContext } from '@lit/context';
import type { Me } from '../data/me.js';

/** The signed-in person (null: signed out), provided by <tandem-app> to every page. */
export const sessionContext = createContext<Me | null>(Symbol('tandem-session'));

export type Role = Me['roles'][number];

export const hasRole = (me: Me | null, role: Role): boolean => me?.roles.includes(role) ?? false;

export const isAdmin = (me: Me | null): boolean => hasRole(me, 'admin');

/** Whether the person has any Tandem role, and so an administration area of some kind. */
export const isStaff = (me: Me | null): boolean => (me?.roles.length ?? 0) > 0;

/**
 * The roles that open each kind of page, as the server's access kinds do; the server still
 * decides (a programme manager opens only the programmes assigned to them).
 */
const OPENS: Record<'admin' | 'staff' | 'programme' | 'reports', Role[]> = {
  admin: ['admin'],
  staff: ['admin', 'programme-manager', 'report-reader'],
  programme: ['admin', 'programme-manager'],
  reports: ['admin', 'report-reader'],
};

export const mayOpen = (access: keyof typeof OPENS, me: Me | null): boolean =>
  OPENS[access].some((role) => hasRole(me, role));
