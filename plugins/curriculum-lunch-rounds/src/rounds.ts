import type { Locale } from '@tandem/plugin-sdk';

/** What a lunch round says in one language. */
export interface RoundText {
  /** The round's theme; the title reads "Runde 1: <theme>" or "Round 1: <theme>". */
  readonly theme: string;
  /** What the two colleagues take away from the lunch. */
  readonly goal: string;
  /** Conversation starters, four to six, none repeated in another round. */
  readonly starters: readonly string[];
}

/** The word before a round's number in its title. */
export const ROUND_LABEL: Readonly<Record<Locale, string>> = { de: 'Runde', en: 'Round' };

/**
 * The six rounds, one lunch a month, each with a new partner from another department. The
 * starters are questions about work, never about private life, so that two colleagues who have
 * never met can answer them over lunch without feeling examined. The German addresses the pair
 * as "ihr": each answers for themselves, and nobody has to choose between du and Sie.
 */
export const ROUNDS: readonly Readonly<Record<Locale, RoundText>>[] = [
  {
    de: {
      theme: 'Was wir eigentlich machen',
      goal: 'Ihr wisst, was die andere Abteilung macht, und habt eine Ansprechperson mehr im Haus.',
      starters: [
        'Wie seid ihr zu eurer jetzigen Aufgabe gekommen?',
        'Was macht eure Abteilung, von dem andere im Haus kaum etwas wissen?',
        'Womit kommen andere am häufigsten zu euch?',
        'Wie sieht bei euch ein ganz normaler Montagmorgen aus?',
        'Was würdet ihr neuen Kolleginnen und Kollegen in der ersten Woche zeigen?',
      ],
    },
    en: {
      theme: 'What we actually do',
      goal: 'You know what the other department does and have one more contact in the agency.',
      starters: [
        'How did you end up in your current role?',
        'What does your department do that hardly anyone else in the agency knows about?',
        'What do other people most often come to you for?',
        'What does an ordinary Monday morning look like for you?',
        'What would you show a new colleague in their first week?',
      ],
    },
  },
  {
    de: {
      theme: 'Werkzeuge und Kniffe',
      goal: 'Ihr nehmt mindestens einen Kniff mit, den ihr gleich ausprobieren wollt.',
      starters: [
        'Welches Werkzeug hat euch zuletzt die Arbeit spürbar erleichtert?',
        'Welchen Kniff oder welches Tastenkürzel würdet ihr allen im Haus empfehlen?',
        'Welcher Arbeitsschritt kostet euch noch unnötig Zeit?',
        'Was habt ihr zuletzt Neues ausprobiert – und ist es geblieben?',
      ],
    },
    en: {
      theme: 'Tools and tricks',
      goal: 'You take away at least one trick you want to try straight away.',
      starters: [
        'Which tool has made your work noticeably easier lately?',
        'Which trick or keyboard shortcut would you recommend to everyone in the agency?',
        'Which step in your work still takes up time it shouldn’t?',
        'What new thing did you try recently – and did it stick?',
      ],
    },
  },
  {
    de: {
      theme: 'Über Abteilungsgrenzen hinweg',
      goal: 'Ihr wisst, wo eure Abteilungen einander brauchen und was die Zusammenarbeit leichter macht.',
      starters: [
        'Mit welcher anderen Abteilung arbeitet ihr am engsten zusammen, und was klappt dabei gut?',
        'Wo wartet ihr am häufigsten auf andere – und wo warten andere auf euch?',
        'Welche Abstimmung lief zuletzt überraschend gut, und warum?',
        'Was wünscht ihr euch von anderen, wenn sie etwas von euch brauchen?',
        'Welche Abteilung würdet ihr gern einmal einen Tag lang begleiten?',
      ],
    },
    en: {
      theme: 'Across department lines',
      goal: 'You know where your departments depend on each other and what makes working together easier.',
      starters: [
        'Which other department do you work with most closely, and what goes well?',
        'Where do you most often wait for others – and where do others wait for you?',
        'Which piece of coordination went surprisingly well lately, and why?',
        'What do you wish others did when they need something from you?',
        'Which department would you like to shadow for a day?',
      ],
    },
  },
  {
    de: {
      theme: 'Was sich verändert',
      goal: 'Ihr habt erfahren, wie die Digitalisierung die Arbeit der anderen Abteilung verändert.',
      starters: [
        'Was hat sich an eurer Arbeit in den letzten Jahren am stärksten verändert?',
        'Welche Veränderung hat sich gelohnt, obwohl sie anfangs mühsam war?',
        'Was sollte bei der Digitalisierung in eurem Bereich als Nächstes kommen?',
        'Was sollte genau so bleiben, wie es ist?',
        'Wie erfahrt ihr von Neuerungen im Haus – und wie hättet ihr es gern?',
      ],
    },
    en: {
      theme: 'What is changing',
      goal: 'You have heard how going digital is changing the other department’s work.',
      starters: [
        'What has changed most about your work in recent years?',
        'Which change was worth it, even though it was hard going at first?',
        'What should come next in going digital in your area?',
        'What should stay exactly as it is?',
        'How do you hear about changes in the agency – and how would you like to?',
      ],
    },
  },
  {
    de: {
      theme: 'Lernen und Wissen weitergeben',
      goal: 'Ihr wisst ein Stück mehr, wer im Haus was weiß, und nehmt vielleicht eine Empfehlung mit.',
      starters: [
        'Was habt ihr zuletzt bei der Arbeit dazugelernt?',
        'Von wem im Haus habt ihr am meisten gelernt, und was?',
        'Wie haltet ihr euer Wissen fest, damit bei Urlaub oder Wechsel nichts verloren geht?',
        'Welche Fortbildung würdet ihr weiterempfehlen?',
        'Worin könntet ihr anderen im Haus etwas beibringen?',
      ],
    },
    en: {
      theme: 'Learning and passing it on',
      goal: 'You know a little more about who knows what in the agency, and perhaps take away a recommendation.',
      starters: [
        'What is the last thing you learnt at work?',
        'Who in the agency have you learnt the most from, and what?',
        'How do you keep your knowledge written down so nothing is lost when someone is on leave or moves on?',
        'Which training course would you recommend?',
        'What could you teach others in the agency?',
      ],
    },
  },
  {
    de: {
      theme: 'Ideen für unser Haus',
      goal: 'Ihr habt Ideen ausgetauscht, die über die eigene Abteilung hinausgehen, und auf die Runden zurückgeblickt.',
      starters: [
        'Wenn ihr eine Regel im Haus ändern dürftet: welche wäre es?',
        'Welche Idee aus einer anderen Abteilung würdet ihr gern übernehmen?',
        'Was macht eure Behörde besser, als ihr Ruf vermuten lässt?',
        'Was habt ihr in diesen Runden über andere Abteilungen gelernt?',
        'Worauf freut ihr euch bei der Arbeit in den nächsten Monaten?',
      ],
    },
    en: {
      theme: 'Ideas for our agency',
      goal: 'You have swapped ideas that reach beyond your own department and looked back on the rounds.',
      starters: [
        'If you could change one rule in the agency, which would it be?',
        'Which idea from another department would you like to borrow?',
        'What does your agency do better than its reputation suggests?',
        'What have you learnt about other departments in these rounds?',
        'What are you looking forward to at work in the coming months?',
      ],
    },
  },
];
