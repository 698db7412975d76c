import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { publishEvent } from '../../realtime/publish-event.js';
import type { Meeting } from '../meetings/meeting.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { User } from '../users/user.js';
import { Delivery } from './delivery.js';
import { Notification, type NotificationKind } from './notification.js';

/** Identifier of the task that delivers one delivery; its payload is `{ deliveryId }`. */
export const DELIVER_NOTIFICATION = 'deliver-notification';

/** The in-app inbox: every notification lands there, whatever else the person chose. */
export const IN_APP = 'in-app';

/** A notification's content, rendered in the recipient's language. */
export interface NotificationContent {
  title: string;
  text: string;
  /** Where in the app it leads, e.g. `/pairs/<id>`. */
  link?: string;
  /** An iCalendar object (REQUEST or CANCEL) for calendars. */
  calendar?: string;
}

export interface NotificationDraft {
  recipient: User;
  /** What it is about; with `sequence`, notifying twice about the same thing notifies once. */
  subject: string;
  sequence?: number;
  kind: NotificationKind;
  programme?: Programme;
  meeting?: Meeting;
  /** Renders the content in the recipient's language. */
  render(locale: Locale): NotificationContent;
}

/**
 * Puts notifications into the recipients' inboxes and queues a delivery for each other channel
 * the programme offers, the recipient has not muted and this server runs. Everything goes
 * through `em`, so inside a transaction nothing is sent unless the change commits; a draft
 * already notified (same recipient, subject and sequence) is skipped.
 *
 * @param activeChannels the channel plugins loaded and active on this server.
 * @returns how many notifications were new.
 */
export async function notify(
  em: EntityManager,
  drafts: readonly NotificationDraft[],
  activeChannels: ReadonlySet<string>,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const organisation = await organisationSettings(em);
  const notified = new Set<string>();
  for (const draft of drafts) {
    const notification = await insertNotification(em, draft, organisation.defaultLocale);
    if (!notification) continue;
    notified.add(draft.recipient.id);
    for (const channel of channelsFor(draft, activeChannels)) {
      const delivery = em.create(Delivery, { notification, channel });
      await em.flush();
      await enqueueJob(em, DELIVER_NOTIFICATION, { deliveryId: delivery.id });
    }
  }
  if (notified.size > 0) await publishEvent(em, [...notified], { type: 'inbox' });
  return notified.size;
}

/** The recipient's language: their own choice, else the organisation's. */
export function localeOf(user: User, fallback: Locale): Locale {
  return user.locale ?? fallback;
}

async function insertNotification(
  em: EntityManager,
  draft: NotificationDraft,
  defaultLocale: Locale,
): Promise<Notification | undefined> {
  const sequence = draft.sequence ?? 0;
  const exists = await em.count(Notification, {
    recipient: draft.recipient,
    subject: draft.subject,
    sequence,
  });
  if (exists) return undefined;
  const locale = localeOf(draft.recipient, defaultLocale);
  const content = draft.render(locale);
  const notification = em.create(Notification, {
    recipient: draft.recipient,
    subject: draft.subject,
    sequence,
    kind: draft.kind,
    programme: draft.programme ?? null,
    meeting: draft.meeting ?? null,
    locale,
    title: content.title,
    text: content.text,
    link: content.link ?? null,
    calendar: content.calendar ?? null,
  });
  await em.flush();
  return notification;
}

function channelsFor(draft: NotificationDraft, active: ReadonlySet<string>): string[] {
  const offered = draft.programme ? programmeSettings(draft.programme).channels : [...active];
  const muted = new Set(draft.recipient.mutedChannels);
  return offered.filter(
    (channel) => channel !== IN_APP && active.has(channel) && !muted.has(channel),
  );
}
