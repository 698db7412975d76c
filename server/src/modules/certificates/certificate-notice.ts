import { certificatesPage } from '../notifications/app-page.js';
import type { NotificationDraft } from '../notifications/notify.js';
import type { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import { certificateReadyText } from './certificate-texts.js';

/** To a participant whose certificate the programme's admins issued: it is ready to download. */
export function certificateReadyNotice(holder: User, programme: Programme): NotificationDraft {
  return {
    recipient: holder,
    subject: `certificate:${programme.id}`,
    kind: 'notice',
    programme,
    render: (locale) => ({
      ...certificateReadyText(locale, { name: holder.name, programme: programme.name }),
      link: certificatesPage,
    }),
  };
}
