import { createContext } from '@lit/context';
import type { Me } from '../data/me.js';

/** The signed-in person (null: signed out), provided by <tandem-app> to every page. */
export const sessionContext = createContext<Me | null>(Symbol('tandem-session'));

export const isAdmin = (me: Me | null): boolean => me?.roles.includes('admin') ?? false;
