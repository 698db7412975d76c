import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { publishEvent } from '../../realtime/publish-event.js';
import type { Meeting } from '../meetings/meeting.js';
import {
  type OrganisationSettings,
  organisationSettings,
} from '../organisation/organisation-settings.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { User } from '../users/user.js';
import type { AppPath } from './app-page.js';
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
  /** Where in the app it leads. */
  link?: AppPath;
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
 * @param organisation the organisation's settings, when the caller read them in this
 *   transaction already; read here otherwise.
 * @returns how many notifications were new.
 */
export async function notify(
  em: EntityManager,
  drafts: readonly NotificationDraft[],
  activeChannels: ReadonlySet<string>,
  organisation?: Pick<OrganisationSettings, 'defaultLocale'>,
): Promise<number> {
  const fresh = await notYetNotified(em, drafts);
  if (fresh.length === 0) return 0;
  const { defaultLocale } = organisation ?? (await organisationSettings(em));
  const deliveries: Delivery[] = [];
  for (const draft of fresh) {
    const notification = em.create(Notification, notificationOf(draft, defaultLocale));
    for (const channel of channelsFor(draft, activeChannels))
      deliveries.push(em.create(Delivery, { notification, channel }));
  }
  // One flush and one statement for the jobs: publishing a large programme notifies thousands.
  await em.flush();
  if (deliveries.length > 0)
    await em.execute(
      // Ids joined: the query builder would spread an array into a list of parameters.
      `SELECT graphile_worker.add_job(?, json_build_object('deliveryId', id))
         FROM unnest(string_to_array(?, ',')) AS id`,
      [DELIVER_NOTIFICATION, deliveries.map((delivery) => delivery.id).join(',')],
    );
  const recipients = new Set(fresh.map((draft) => draft.recipient.id));
  await publishEvent(em, [...recipients], { type: 'inbox' });
  return fresh.length;
}

/** The recipient's language: their own choice, else the organisation's. */
export function localeOf(user: User, fallback: Locale): Locale {
  return user.locale ?? fallback;
}

/** The drafts not notified before (same recipient, subject and sequence), each once. */
async function notYetNotified(
  em: EntityManager,
  drafts: readonly NotificationDraft[],
): Promise<NotificationDraft[]> {
  if (drafts.length === 0) return [];
  const keyOf = (recipient: string, subject: string, sequence: number) =>
    `${recipient} ${sequence} ${subject}`;
  // A plain read: every invitation asks, and entities cost more than the query.
  const existing = await em.execute<{ recipient_id: string; subject: string; sequence: number }[]>(
    'SELECT recipient_id, subject, sequence FROM notification WHERE recipient_id IN (?) AND subject IN (?)',
    [drafts.map((draft) => draft.recipient.id), drafts.map((draft) => draft.subject)],
  );
  const seen = new Set(existing.map((n) => keyOf(n.recipient_id, n.subject, n.sequence)));
  return drafts.filter((draft) => {
    const key = keyOf(draft.recipient.id, draft.subject, draft.sequence ?? 0);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function notificationOf(draft: NotificationDraft, defaultLocale: Locale) {
  const locale = localeOf(draft.recipient, defaultLocale);
  const content = draft.render(locale);
  return {
    recipient: draft.recipient,
    subject: draft.subject,
    sequence: draft.sequence ?? 0,
    kind: draft.kind,
    programme: draft.programme ?? null,
    meeting: draft.meeting ?? null,
    locale,
    title: content.title,
    text: content.text,
    link: content.link ?? null,
    calendar: content.calendar ?? null,
  };
}

/**
 * The channels a programme's notifications go out on: the in-app inbox, which every
 * notification lands in, then those of the programme's channels this server runs.
 *
 * @param active the channels loaded and active on this server.
 */
export function programmeChannels(programme: Programme, active: ReadonlySet<string>): string[] {
  const offered = programmeSettings(programme).channels.filter(
    (channel) => channel !== IN_APP && active.has(channel),
  );
  return [IN_APP, ...offered];
}

/** The channels a draft is delivered on besides the inbox: what is offered, less what is muted. */
function channelsFor(draft: NotificationDraft, active: ReadonlySet<string>): string[] {
  const offered = draft.programme ? programmeChannels(draft.programme, active) : [...active];
  const muted = new Set(draft.recipient.mutedChannels);
  return offered.filter((channel) => channel !== IN_APP && !muted.has(channel));
}
