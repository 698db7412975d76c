import type { Locale } from '@tandem/plugin-sdk';
import type { Survey } from './survey-invitation.js';

type Texts = Record<Locale, string>;

/** The two ends of a 1-to-5 scale, as shown beside it. */
export interface ScaleAnchors {
  min: Texts;
  max: Texts;
}

/**
 * The areas of the EU's Digital Competence Framework for Citizens (DigComp 2.2), each a scale
 * from beginner to expert: people rate themselves at the start and again at the end.
 */
export const DIGCOMP_AREAS = [
  {
    id: 'digcomp.information',
    text: {
      de: 'Umgang mit Informationen und Daten',
      en: 'Information and data literacy',
    },
    description: {
      de: 'Informationen suchen, bewerten und ordnen, Daten verwalten.',
      en: 'Browsing, evaluating and organising information; managing data.',
    },
  },
  {
    id: 'digcomp.communication',
    text: { de: 'Kommunikation und Zusammenarbeit', en: 'Communication and collaboration' },
    description: {
      de: 'Digital kommunizieren, teilen und gemeinsam an etwas arbeiten.',
      en: 'Communicating, sharing and working together through digital tools.',
    },
  },
  {
    id: 'digcomp.content',
    text: { de: 'Erstellen digitaler Inhalte', en: 'Digital content creation' },
    description: {
      de: 'Texte, Tabellen, Präsentationen oder Medien erstellen und bearbeiten.',
      en: 'Creating and editing documents, spreadsheets, presentations or media.',
    },
  },
  {
    id: 'digcomp.safety',
    text: { de: 'Sicherheit', en: 'Safety' },
    description: {
      de: 'Geräte, persönliche Daten und die eigene Gesundheit im Digitalen schützen.',
      en: 'Protecting devices, personal data and your wellbeing online.',
    },
  },
  {
    id: 'digcomp.problem-solving',
    text: { de: 'Probleme lösen', en: 'Problem solving' },
    description: {
      de: 'Technische Probleme lösen und passende digitale Werkzeuge finden.',
      en: 'Solving technical problems and finding the right digital tools.',
    },
  },
] as const satisfies readonly { id: string; text: Texts; description: Texts }[];

export const COMPETENCE_ANCHORS: ScaleAnchors = {
  min: { de: '1 = Einsteiger/in', en: '1 = beginner' },
  max: { de: '5 = Expert/in', en: '5 = expert' },
};

export const GOAL_ANCHORS: ScaleAnchors = {
  min: { de: '1 = noch nicht begonnen', en: '1 = not started' },
  max: { de: '5 = erreicht', en: '5 = reached' },
};

export const SATISFACTION_ANCHORS: ScaleAnchors = {
  min: { de: '1 = gar nicht zufrieden', en: '1 = not at all satisfied' },
  max: { de: '5 = sehr zufrieden', en: '5 = very satisfied' },
};

/** Beside an admin's own scale question, whatever it asks. */
export const AGREEMENT_ANCHORS: ScaleAnchors = {
  min: { de: '1 = trifft gar nicht zu', en: '1 = not at all' },
  max: { de: '5 = trifft voll zu', en: '5 = completely' },
};

export const GOAL_QUESTION: Record<Locale, (goal: string) => string> = {
  de: (goal) => `Wie weit sind Sie mit: ${goal}`,
  en: (goal) => `How far along are you with: ${goal}`,
};

export const QUESTION_TEXTS = {
  satisfaction: {
    de: 'Wie zufrieden sind Sie mit dem Programm?',
    en: 'How satisfied are you with the programme?',
  },
  recommend: {
    de: 'Würden Sie das Programm weiterempfehlen?',
    en: 'Would you recommend the programme?',
  },
  changed: { de: 'Was hat sich für Sie verändert?', en: 'What has changed for you?' },
  'midterm.improve': {
    de: 'Was könnte in der zweiten Hälfte besser laufen?',
    en: 'What could go better in the second half?',
  },
} satisfies Record<string, Texts>;

export const RECOMMEND_OPTIONS = [
  { value: 'yes', label: { de: 'Ja', en: 'Yes' } },
  { value: 'maybe', label: { de: 'Vielleicht', en: 'Maybe' } },
  { value: 'no', label: { de: 'Nein', en: 'No' } },
] as const satisfies readonly { value: string; label: Texts }[];

/** What each survey is called, in messages and on its page. */
export const SURVEY_TITLES: Record<Survey, Texts> = {
  baseline: { de: 'Einstiegsbefragung', en: 'Starting survey' },
  midterm: { de: 'Zwischenbefragung', en: 'Midterm survey' },
  end: { de: 'Abschlussbefragung', en: 'Final survey' },
};

export interface SurveyMessageFacts {
  name: string;
  programme: string;
  survey: Survey;
}

/** To a participant: a survey of their programme waits for them. */
export function invitationText(locale: Locale, f: SurveyMessageFacts) {
  const title = SURVEY_TITLES[f.survey][locale];
  if (locale === 'en')
    return {
      title: `${title} for "${f.programme}"`,
      text: `Hello ${f.name},\n\nhow is "${f.programme}" going for you? The ${title.toLowerCase()} takes a few minutes. Your answers are stored without your name and without a time: nobody can trace them back to you.`,
    };
  return {
    title: `${title} zu „${f.programme}“`,
    text: `Hallo ${f.name},\n\nwie läuft „${f.programme}“ für Sie? Die ${title} dauert wenige Minuten. Ihre Antworten werden ohne Ihren Namen und ohne Zeitpunkt gespeichert: Niemand kann sie Ihnen zuordnen.`,
  };
}

/** To a participant, once: the survey still waits. */
export function reminderText(locale: Locale, f: SurveyMessageFacts) {
  const title = SURVEY_TITLES[f.survey][locale];
  if (locale === 'en')
    return {
      title: `Reminder: ${title.toLowerCase()} for "${f.programme}"`,
      text: `Hello ${f.name},\n\nthe ${title.toLowerCase()} for "${f.programme}" still waits for your answers. It takes a few minutes, and your answers stay anonymous.`,
    };
  return {
    title: `Erinnerung: ${title} zu „${f.programme}“`,
    text: `Hallo ${f.name},\n\ndie ${title} zu „${f.programme}“ wartet noch auf Ihre Antworten. Sie dauert wenige Minuten, und Ihre Antworten bleiben anonym.`,
  };
}
