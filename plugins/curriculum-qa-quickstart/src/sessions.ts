import type { Locale, Milestone, SessionPlan } from '@tandem/plugin-sdk';

/** What a session says, in one language; when and how long it is comes from the programme. */
export type SessionText = Pick<SessionPlan, 'title' | 'goal' | 'agenda' | 'tutorials' | 'homework'>;

/** One session in both languages; the milestone is the same in both, so it stands outside. */
export interface SessionDraft extends Readonly<Record<Locale, SessionText>> {
  /** Set on the first and the last session, so the host treats them as kick-off and closing. */
  readonly milestone?: Milestone;
  /**
   * Where the programme's goals go into the agenda (kick-off only): right after the question
   * list is started, so they become its first entries rather than trailing after the game.
   */
  readonly goalsAfter?: number;
}

/** How a programme goal reads in the kick-off agenda, so it is not taken for a step. */
export const GOAL_LABEL: Readonly<Record<Locale, string>> = {
  de: 'Programmziel',
  en: 'Programme goal',
};

/**
 * The three sessions, in German and English. Q&A means two things here: the mentee's question
 * list, kept between meetings and worked through on the mentee's own tasks, and the Q&A game
 * over the glossary. The agenda is the Grundgerüst, the frame each meeting keeps, so a pair
 * without experience in mentoring knows what to do. The texts speak to the pair ("ihr",
 * "you") and name the sides as mentor and mentee, because the curriculum also serves classic
 * mentoring, where the mentee is the junior one.
 */
export const SESSIONS: readonly SessionDraft[] = [
  {
    milestone: 'kick-off',
    goalsAfter: 3,
    de: {
      title: 'Kennenlernen, Tandem-Vereinbarung und erste Begriffe',
      goal: 'Ihr kennt einander, habt eine Tandem-Vereinbarung, eure Frageliste ist angelegt und die erste Runde des Frage-Antwort-Spiels gespielt.',
      agenda: [
        'Kennenlernen: Aufgaben, Arbeitsalltag und was ihr euch vom Tandem erhofft',
        'Tandem-Vereinbarung: Was ihr besprecht, bleibt unter euch, und keine Frage ist zu naiv. Dazu: wann ihr euch trefft und wie ihr absagt',
        'Eure Frageliste anlegen: Die oder der Mentee notiert darin zwischen den Treffen jede Frage, die im Arbeitsalltag aufkommt. Die Liste seht nur ihr beide',
        'Frage-Antwort-Spiel, Runde 1: Die oder der Mentee sucht Begriffe aus dem Glossar aus, die oder der Mentor erklärt jeden mit einem Beispiel aus dem Arbeitsalltag',
        'Dann tauscht ihr: Die oder der Mentee erklärt einen der Begriffe in eigenen Worten zurück',
        'Ausblick: Welche Fragen aus eurer Frageliste nehmt ihr euch für das nächste Treffen vor?',
      ],
      tutorials: [],
      homework: {
        mentor: [
          'Zu den Fragen, die ihr euch vorgenommen habt, je ein Beispiel aus dem eigenen Arbeitsalltag vorbereiten',
        ],
        mentee: [
          'Eure Frageliste bis zum nächsten Treffen weiterführen: jede Frage notieren, die im Arbeitsalltag aufkommt, auch die scheinbar banalen',
          'Zu zwei Fragen eine echte Aufgabe mitbringen, an der ihr übt',
        ],
      },
    },
    en: {
      title: 'Getting to know each other, the tandem agreement and first terms',
      goal: 'You know each other, have a tandem agreement, have started your question list and played the first round of the Q&A game.',
      agenda: [
        'Getting to know each other: tasks, working day and what you hope the tandem brings',
        'Tandem agreement: what you talk about stays between you, and no question is too naive. Also: when you meet and how to cancel',
        'Start your question list: between meetings the mentee notes in it every question that comes up at work. Only the two of you see the list',
        'Q&A game, round 1: the mentee picks terms from the glossary, the mentor explains each with an example from daily work',
        'Then swap: the mentee explains one of the terms back in their own words',
        'Looking ahead: which questions from your question list do you take on next time?',
      ],
      tutorials: [],
      homework: {
        mentor: ['Prepare an example from your own work for each question you chose'],
        mentee: [
          'Keep your question list going until the next meeting: note every question that comes up at work, the seemingly trivial ones too',
          'Bring a real task for two of the questions to practise on',
        ],
      },
    },
  },
  {
    de: {
      title: 'Eure Fragen an echten Aufgaben',
      goal: 'Die Fragen aus eurer Frageliste sind an Aufgaben der oder des Mentee ausprobiert und beantwortet, und weitere Begriffe sind klar.',
      agenda: [
        'Rückblick: Was seit dem letzten Treffen ausprobiert wurde und was hängen geblieben ist',
        'Eure Frageliste durchgehen, Frage für Frage an einer echten Aufgabe der oder des Mentee: zeigen, selbst ausprobieren, nachfragen',
        'Frage-Antwort-Spiel, Runde 2: neue Begriffe aus dem Glossar, gern solche, die in eurer Frageliste vorkommen; wieder mit Rücktausch',
        'Festhalten, was geklärt ist und was in eurer Frageliste offen bleibt',
      ],
      tutorials: [],
      homework: {
        mentor: ['Zur schwierigsten offenen Frage eine kurze Schritt-für-Schritt-Notiz schreiben'],
        mentee: [
          'Das Gelernte zweimal im Arbeitsalltag anwenden und in eurer Frageliste notieren, wo es hakt',
        ],
      },
    },
    en: {
      title: 'Your questions on real tasks',
      goal: 'The questions from your question list have been tried out and answered on the mentee’s tasks, and more terms are clear.',
      agenda: [
        'Looking back: what was tried since the last meeting and what stuck',
        'Work through your question list, question by question, on a real task of the mentee’s: show, try it yourself, ask',
        'Q&A game, round 2: new terms from the glossary, ideally ones that come up in your question list; again with the swap',
        'Note what is settled and what stays open in your question list',
      ],
      tutorials: [],
      homework: {
        mentor: ['Write a short step-by-step note on the hardest open question'],
        mentee: [
          'Use what you learnt twice at work and note in your question list where it got stuck',
        ],
      },
    },
  },
  {
    milestone: 'closing',
    de: {
      title: 'Rollentausch, Rückblick und wie es weitergeht',
      goal: 'Eure Frageliste ist abgearbeitet, ihr wisst, was ihr voneinander gelernt habt, und entscheidet, wie es weitergeht.',
      agenda: [
        'Die restlichen Fragen aus eurer Frageliste klären',
        'Kurzer Rollentausch: Die oder der Mentee erklärt etwas aus der eigenen Welt – im Reverse Mentoring also die Führungskraft, etwa wie eine Entscheidung im Haus zustande kommt',
        'Rückblick: Was hat sich verändert, was nehmt ihr mit, welche Begriffe aus dem Glossar sitzen jetzt?',
        'Entscheiden: weitermachen, abschließen oder ein längeres Programm wählen',
      ],
      tutorials: [],
      homework: { mentor: [], mentee: [] },
    },
    en: {
      title: 'Role swap, looking back and what comes next',
      goal: 'Your question list is worked through, you know what you learnt from each other, and you decide how to go on.',
      agenda: [
        'Clear the remaining questions from your question list',
        'Short role swap: the mentee explains something from their own world – in reverse mentoring that is the leader, say how a decision comes about in the agency',
        'Looking back: what has changed, what do you take with you, which glossary terms have stuck?',
        'Deciding: go on, close, or choose a longer programme',
      ],
      tutorials: [],
      homework: { mentor: [], mentee: [] },
    },
  },
];
