import { str } from '@lit/localize';

/** German for the reasons of matching strategies: why a pair fits, why someone is left out. */
export const templates = {
  'explanations.skills.none-wanted':
    'Die oder der Mentee hat keine Kenntnisse angegeben, die sie oder er lernen möchte.',
  'explanations.skills.none-offered':
    'Mentor/Mentorin bietet keine der Kenntnisse, die die oder der Mentee sucht.',
  'explanations.skills.offered.one': str`Mentor/Mentorin bietet ${0}, die eine Kenntnis, die die oder der Mentee sucht.`,
  'explanations.skills.offered': str`Mentor/Mentorin bietet ${0}: ${1} der ${2} Kenntnisse, die die oder der Mentee sucht.`,
  'explanations.availability.assumed': 'Wo keine Zeiten angegeben sind, gelten die Arbeitszeiten.',
  'explanations.availability.no-meeting': str`Sie haben keine gemeinsame Zeit in der Woche für ein Treffen von ${0} Minuten: Tandem kann ihre Treffen nicht planen.`,
  'explanations.availability.none': 'Sie haben keine gemeinsame Zeit in der Woche.',
  'explanations.availability.free.one': str`Beide haben ${0} Stunde pro Woche gemeinsam frei.`,
  'explanations.availability.free': str`Beide haben ${0} Stunden pro Woche gemeinsam frei.`,
  'explanations.generation.unknown': 'Die Berufserfahrung ist nicht von beiden bekannt.',
  'explanations.generation.not-senior.mentee':
    'Die oder der Mentee ist nicht die oder der Erfahrenere.',
  'explanations.generation.not-senior.mentor':
    'Mentor/Mentorin ist nicht die oder der Erfahrenere.',
  'explanations.generation.gap.mentee.one': str`Die oder der Mentee hat ${0} Jahr mehr Berufserfahrung.`,
  'explanations.generation.gap.mentee': str`Die oder der Mentee hat ${0} Jahre mehr Berufserfahrung.`,
  'explanations.generation.gap.mentor.one': str`Mentor/Mentorin hat ${0} Jahr mehr Berufserfahrung.`,
  'explanations.generation.gap.mentor': str`Mentor/Mentorin hat ${0} Jahre mehr Berufserfahrung.`,
  'explanations.department.unknown': 'Die Abteilung ist nicht von beiden bekannt.',
  'explanations.department.same': str`Beide arbeiten in ${0}.`,
  'explanations.department.same-apart': str`Beide arbeiten in ${0}: Das Programm wünscht verschiedene Abteilungen, und niemand sonst war übrig.`,
  'explanations.department.different': str`Sie kommen aus ${0}.`,
  'explanations.goals.unknown': 'Die Ziele sind nicht von beiden bekannt.',
  'explanations.goals.shared': str`Ihre Ziele teilen die Wörter ${0}.`,
  'explanations.goals.none-shared': 'Ihre Ziele haben nichts offensichtlich gemeinsam.',
  'explanations.format.both-suit': 'Sie können sich so treffen, wie es beiden lieber ist.',
  'explanations.format.same-place': 'Sie können sich vor Ort am selben Ort treffen.',
  'explanations.format.apart': str`Sie würden sich vor Ort treffen, aber in ${0}.`,
  'explanations.format.conflict': 'Eine Person möchte sich vor Ort treffen, die andere online.',
  'explanations.lunch.met-before':
    'Sie waren schon einmal zusammen essen; alle anderen sind vergeben oder schon getroffen.',
  'explanations.pinned': 'Von einer Administratorin oder einem Administrator festgelegt.',
  'explanations.chosen': 'Sie haben einander ausgewählt.',
  'explanations.unmatched.full.one': str`Das Programm ist voll: höchstens ${0} Tandem.`,
  'explanations.unmatched.full.any': 'Das Programm ist voll.',
  'explanations.unmatched.full': str`Das Programm ist voll: höchstens ${0} Tandems.`,
  'explanations.unmatched.nobody-else': 'Auf der anderen Seite hat sich niemand angemeldet.',
  'explanations.unmatched.better-fits':
    'Alle, die passen würden, haben eine Partnerin oder einen Partner, zu der oder dem sie besser passen.',
  'explanations.unmatched.nobody-fits': 'Niemand auf der anderen Seite passt.',
  'explanations.unmatched.since-run':
    'In keinem Tandem: von einer Administratorin oder einem Administrator geändert, aufgelöst oder nach dem letzten Matching-Lauf angemeldet.',
  'explanations.unmatched.excluded':
    'Alle, die passen würden, wurden von dieser Person ausgeschlossen oder haben sie ausgeschlossen.',
  'explanations.unmatched.met-before':
    'Sie waren schon mit allen, die passen würden, in einem Tandem.',
  'explanations.unmatched.forbidden':
    'Eine Administratorin oder ein Administrator hat alle passenden Partnerinnen und Partner ausgeschlossen.',
  'explanations.unmatched.no-language':
    'Niemand auf der anderen Seite spricht eine gemeinsame Sprache mit ihr oder ihm.',
  'explanations.unmatched.same-department':
    'Das Programm verlangt verschiedene Abteilungen, und sonst ist niemand übrig.',
  'explanations.unmatched.no-common-time':
    'Niemand, der passen würde, hat zur selben Zeit für eine ganze Sitzung frei; so ließe sich kein Treffen planen.',
  'explanations.unmatched.no-lunch-partner':
    'Niemand Übriges könnte mit ihr oder ihm essen gehen: keine gemeinsame Sprache, keine gemeinsame Zeit fürs Mittagessen oder ausgeschlossen.',
};
