import type { Locale } from '@tandem/plugin-sdk';

export type MeetingMessage =
  | 'invitation'
  | 'update'
  | 'cancel'
  | 'reminder'
  | 'feedback'
  | 'nudge'
  | 'homework'
  | 'counter-declined';

/** What a message about a meeting says, already in plain words. */
export interface MeetingFacts {
  /** The recipient's first name or full name. */
  name: string;
  /** The other members; for `counter-declined`, the one who cannot make the proposed time. */
  partners: string;
  title: string;
  startsAt: Date;
  minutes: number;
  /** The room or the video link; empty when neither is set. */
  place: string;
  timeZone: string;
  /** The recipient's open homework from the session before; only the homework reminder lists it. */
  homework?: readonly string[];
  /** Tandem chose the time without seeing the recipient's calendar: invitations say so. */
  calendarUnread?: boolean;
}

type Texts = Record<MeetingMessage, (facts: MeetingFacts, when: string) => [string, string]>;

const de: Texts = {
  invitation: (f, when) => [
    `Tandem-Treffen: ${f.title}, ${when}`,
    `Hallo ${f.name},\n\nTandem hat Ihr nächstes Treffen geplant: „${f.title}“ mit ${f.partners}.\n\nWann: ${when} (${f.minutes} Minuten)\nWo: ${f.place || 'nach Absprache'}\n\nDer Termin liegt als Kalendereinladung bei. Passt er nicht, sagen Sie ihn in Tandem ab oder schlagen Sie einen anderen vor: Tandem plant dann neu.${unreadDe(f)}`,
  ],
  update: (f, when) => [
    `Neuer Termin: ${f.title}, ${when}`,
    `Hallo ${f.name},\n\nIhr Treffen „${f.title}“ mit ${f.partners} findet jetzt am ${when} statt (${f.minutes} Minuten).\nWo: ${f.place || 'nach Absprache'}\n\nIhr Kalender übernimmt die Änderung aus der Einladung.${unreadDe(f)}`,
  ],
  cancel: (f, when) => [
    `Abgesagt: ${f.title}, ${when}`,
    `Hallo ${f.name},\n\ndas Treffen „${f.title}“ am ${when} findet nicht statt. Ihr Kalender entfernt den Termin mit dieser Nachricht.`,
  ],
  reminder: (f, when) => [
    `Erinnerung: ${f.title}, ${when}`,
    `Hallo ${f.name},\n\nbald treffen Sie sich: „${f.title}“ mit ${f.partners}, ${when}.\nWo: ${f.place || 'nach Absprache'}\n\nIn Tandem finden Sie den Ablauf der Sitzung und Ihre Hausaufgaben.`,
  ],
  feedback: (f) => [
    `Wie war „${f.title}“?`,
    `Hallo ${f.name},\n\nwie war Ihr Treffen „${f.title}“ mit ${f.partners}? Eine kurze Rückmeldung in Tandem hilft Ihnen beiden beim nächsten Mal. Sie ist nur für Sie beide sichtbar.`,
  ],
  nudge: (f, when) => [
    `Passt der Termin? ${f.title}, ${when}`,
    `Hallo ${f.name},\n\nauf die Einladung zu „${f.title}“ mit ${f.partners} am ${when} fehlt noch Ihre Antwort. Sagen Sie in Tandem oder in Ihrem Kalender zu oder ab; passt die Zeit nicht, plant Tandem neu.`,
  ],
  homework: (f, when) => [
    `Ihre Hausaufgaben vor „${f.title}“`,
    `Hallo ${f.name},\n\nvor Ihrem Treffen „${f.title}“ mit ${f.partners} am ${when} ist bei Ihnen noch offen:\n\n${list(f.homework)}\n\nIn Tandem haken Sie Erledigtes ab.`,
  ],
  'counter-declined': (f, when) => [
    `Ihr Terminvorschlag passt nicht: ${f.title}`,
    `Hallo ${f.name},\n\n${f.partners} kann zu der Zeit, die Sie für „${f.title}“ vorgeschlagen haben (${when}), leider nicht. Tandem sucht eine andere Zeit und schickt sie Ihnen.`,
  ],
};

const en: Texts = {
  invitation: (f, when) => [
    `Tandem meeting: ${f.title}, ${when}`,
    `Hello ${f.name},\n\nTandem has planned your next meeting: "${f.title}" with ${f.partners}.\n\nWhen: ${when} (${f.minutes} minutes)\nWhere: ${f.place || 'agree between you'}\n\nThe calendar invitation is attached. If the time does not suit you, decline it in Tandem or propose another: Tandem plans again.${unreadEn(f)}`,
  ],
  update: (f, when) => [
    `New time: ${f.title}, ${when}`,
    `Hello ${f.name},\n\nyour meeting "${f.title}" with ${f.partners} now takes place on ${when} (${f.minutes} minutes).\nWhere: ${f.place || 'agree between you'}\n\nYour calendar takes the change from the invitation.${unreadEn(f)}`,
  ],
  cancel: (f, when) => [
    `Cancelled: ${f.title}, ${when}`,
    `Hello ${f.name},\n\nthe meeting "${f.title}" on ${when} will not take place. Your calendar removes it with this message.`,
  ],
  reminder: (f, when) => [
    `Reminder: ${f.title}, ${when}`,
    `Hello ${f.name},\n\nyou are meeting soon: "${f.title}" with ${f.partners}, ${when}.\nWhere: ${f.place || 'agree between you'}\n\nTandem has the session plan and your homework.`,
  ],
  feedback: (f) => [
    `How was "${f.title}"?`,
    `Hello ${f.name},\n\nhow was your meeting "${f.title}" with ${f.partners}? A short note in Tandem helps you both next time. Only the two of you see it.`,
  ],
  nudge: (f, when) => [
    `Does the time suit you? ${f.title}, ${when}`,
    `Hello ${f.name},\n\nyour answer to the invitation to "${f.title}" with ${f.partners} on ${when} is still missing. Accept or decline it in Tandem or in your calendar; if the time does not suit you, Tandem plans again.`,
  ],
  homework: (f, when) => [
    `Your homework before "${f.title}"`,
    `Hello ${f.name},\n\nbefore your meeting "${f.title}" with ${f.partners} on ${when} you still have open:\n\n${list(f.homework)}\n\nTick off what is done in Tandem.`,
  ],
  'counter-declined': (f, when) => [
    `Your proposed time does not suit: ${f.title}`,
    `Hello ${f.name},\n\n${f.partners} cannot make the time you proposed for "${f.title}" (${when}). Tandem is looking for another time and will send it to you.`,
  ],
};

/** The note that the time was chosen without the recipient's calendar, or nothing. */
function unreadDe(f: MeetingFacts): string {
  return f.calendarUnread
    ? '\n\nIhren Kalender konnte Tandem bei der Wahl dieser Zeit nicht einsehen. Haben Sie dann schon etwas vor, sagen Sie in Tandem ab: Tandem sucht eine andere Zeit.'
    : '';
}

function unreadEn(f: MeetingFacts): string {
  return f.calendarUnread
    ? '\n\nTandem could not see your calendar when it chose this time. If you are busy then, decline in Tandem: it looks for another time.'
    : '';
}

function list(items: readonly string[] = []): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Subject and text of a message about a meeting, in the recipient's language and time zone. */
export function meetingText(
  message: MeetingMessage,
  locale: Locale,
  facts: MeetingFacts,
): { title: string; text: string } {
  const when = formatWhen(locale, facts.timeZone, facts.startsAt);
  const [title, text] = (locale === 'de' ? de : en)[message](facts, when);
  return { title, text };
}

/**
 * The formats by language and time zone. Making one costs about as much as writing a whole
 * message, and every invitation of a large programme asks for the same two or so. At most one
 * per language and IANA zone: an unknown zone throws before it is kept.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** A meeting's date and time as every message writes it, in the recipient's language. */
export function formatWhen(locale: Locale, timeZone: string, date: Date): string {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone,
    });
    formats.set(key, format);
  }
  return format.format(date);
}
