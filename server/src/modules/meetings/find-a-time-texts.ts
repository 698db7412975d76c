import type { Locale } from '@tandem/plugin-sdk';
import { formatWhen } from './meeting-texts.js';

export interface FindATimeFacts {
  name: string;
  partners: string;
  title: string;
  weeks: number;
}

/** To each member when Tandem found no common time for a session: propose times, pick one. */
export function findATimeText(locale: Locale, f: FindATimeFacts) {
  if (locale === 'en')
    return {
      title: `Find a time together: ${f.title}`,
      text: `Hello ${f.name},\n\nTandem found no time in the next ${f.weeks} weeks when you and ${f.partners} are both free for "${f.title}". Please find one together: in Tandem, each of you proposes a few times that suit you, and the other picks one. Tandem then sends the invitations as usual.`,
    };
  return {
    title: `Finden Sie gemeinsam einen Termin: ${f.title}`,
    text: `Hallo ${f.name},\n\nTandem hat in den nächsten ${f.weeks} Wochen keine Zeit gefunden, in der Sie und ${f.partners} für „${f.title}“ beide frei sind. Bitte finden Sie gemeinsam einen Termin: In Tandem schlagen Sie beide ein paar Zeiten vor, die Ihnen passen, und die andere Person wählt eine davon. Tandem verschickt dann wie gewohnt die Einladungen.`,
  };
}

export interface ProposedTimesFacts {
  name: string;
  proposer: string;
  title: string;
  starts: readonly Date[];
  timeZone: string;
}

/** To the partners when a member proposed times: pick one. */
export function proposedTimesText(locale: Locale, f: ProposedTimesFacts) {
  const times = f.starts.map((start) => `- ${formatWhen(locale, f.timeZone, start)}`).join('\n');
  if (locale === 'en')
    return {
      title: `${f.proposer} proposed times: ${f.title}`,
      text: `Hello ${f.name},\n\n${f.proposer} proposed these times for "${f.title}":\n\n${times}\n\nPick the one that suits you in Tandem, and Tandem sends the invitations.`,
    };
  return {
    title: `${f.proposer} hat Termine vorgeschlagen: ${f.title}`,
    text: `Hallo ${f.name},\n\n${f.proposer} hat für „${f.title}“ diese Zeiten vorgeschlagen:\n\n${times}\n\nWählen Sie in Tandem die Zeit, die Ihnen passt; Tandem verschickt dann die Einladungen.`,
  };
}
