import { msg } from '@lit/localize';
import type { TandemRole } from '../data/roles.js';

/** A Tandem role in words. */
export function roleLabel(role: TandemRole): string {
  switch (role) {
    case 'admin':
      return msg('Admin', { id: 'roles.role.admin' });
    case 'programme-manager':
      return msg('Programme manager', { id: 'roles.role.programmeManager' });
    case 'report-reader':
      return msg('Report reader', { id: 'roles.role.reportReader' });
  }
}
