import type { Locale, SessionPlan } from '@tandem/plugin-sdk';

type SessionText = Pick<SessionPlan, 'title' | 'goal' | 'agenda' | 'tutorials' | 'homework'>;

/**
 * The three sessions, in German and English. Q&A means the mentee brings the questions and the
 * pair works through them on the mentee's own tasks; the agenda is the Grundgerüst, the frame
 * each meeting keeps, so a pair without experience in mentoring knows what to do.
 */
export const SESSIONS: readonly Record<Locale, SessionText>[] = [
  {
    de: {
      title: 'Kennenlernen und Fragen sammeln',
      goal: 'Ihr kennt einander, habt eine Tandem-Vereinbarung und eine Liste eurer Fragen.',
      agenda: [
        'Vorstellung: Aufgaben, Arbeitsalltag, was ihr euch vom Tandem erhofft',
        'Tandem-Vereinbarung: Vertraulichkeit, Termine, wie ihr absagt',
        'Fragen sammeln: was im Arbeitsalltag digital schwerfällt oder neugierig macht',
        'Die drei wichtigsten Fragen für die nächsten Treffen auswählen',
      ],
      tutorials: [],
      homework: {
        mentor: ['Zu den drei Fragen je ein Beispiel aus dem eigenen Arbeitsalltag vorbereiten'],
        mentee: ['Zu jeder der drei Fragen eine konkrete Aufgabe mitbringen, an der ihr übt'],
      },
    },
    en: {
      title: 'Getting to know each other and collecting questions',
      goal: 'You know each other, have a tandem agreement and a list of your questions.',
      agenda: [
        'Introductions: tasks, working day, what you hope the tandem brings',
        'Tandem agreement: confidentiality, meetings, how to cancel',
        'Collecting questions: what is hard or intriguing about digital work',
        'Choosing the three most important questions for the next meetings',
      ],
      tutorials: [],
      homework: {
        mentor: ['Prepare an example from your own work for each of the three questions'],
        mentee: ['Bring a real task for each of the three questions to practise on'],
      },
    },
  },
  {
    de: {
      title: 'Fragen und Antworten am eigenen Beispiel',
      goal: 'Die ausgewählten Fragen sind an echten Aufgaben ausprobiert und beantwortet.',
      agenda: [
        'Rückblick: was seit dem letzten Treffen ausprobiert wurde',
        'Frage für Frage: zeigen, selbst ausprobieren, nachfragen',
        'Festhalten, was funktioniert hat und was offen ist',
      ],
      tutorials: [],
      homework: {
        mentor: ['Eine kurze Schritt-für-Schritt-Notiz zu der schwierigsten Frage schreiben'],
        mentee: ['Das Gelernte zweimal im Arbeitsalltag anwenden und notieren, wo es hakt'],
      },
    },
    en: {
      title: 'Questions and answers on real examples',
      goal: 'The chosen questions have been tried out and answered on real tasks.',
      agenda: [
        'Looking back: what was tried since the last meeting',
        'Question by question: show, try it yourself, ask',
        'Noting what worked and what is still open',
      ],
      tutorials: [],
      homework: {
        mentor: ['Write a short step-by-step note on the hardest question'],
        mentee: ['Use what you learnt twice at work and note where it got stuck'],
      },
    },
  },
  {
    de: {
      title: 'Rückblick und wie es weitergeht',
      goal: 'Ihr wisst, was ihr voneinander gelernt habt, und entscheidet, ob ihr weitermacht.',
      agenda: [
        'Offene Punkte aus den Hausaufgaben klären',
        'Rollentausch: die Führungskraft erklärt etwas aus ihrer Erfahrung',
        'Rückblick: was hat sich verändert, was nehmt ihr mit?',
        'Entscheiden: weitermachen, abschließen oder ein längeres Programm wählen',
      ],
      tutorials: [],
      homework: { mentor: [], mentee: [] },
    },
    en: {
      title: 'Looking back and what comes next',
      goal: 'You know what you learnt from each other and decide whether to go on.',
      agenda: [
        'Clearing open points from the homework',
        'Role swap: the leader explains something from their experience',
        'Looking back: what has changed, what do you take with you?',
        'Deciding: go on, close, or choose a longer programme',
      ],
      tutorials: [],
      homework: { mentor: [], mentee: [] },
    },
  },
];
