import type { Locale, Milestone, SessionPlan } from '@tandem/plugin-sdk';
import type { MentoringKind, Side } from './roles.js';

/**
 * One step of a session's agenda: a text for every programme, or a text per mentoring kind
 * where the step differs between them (the closing's role swap).
 */
export type AgendaStep = string | Readonly<Record<MentoringKind, string>>;

/** Material to read before a session, as the SDK describes it. */
export type Tutorial = Readonly<SessionPlan['tutorials'][number]>;

/** What a session says in one language. */
export interface SessionText {
  /** The session's name. */
  readonly title: string;
  /** What the pair takes away. */
  readonly goal: string;
  /** The Grundgerüst: the three to five steps the meeting goes through. */
  readonly agenda: readonly AgendaStep[];
  /** One or two short things to read first. */
  readonly tutorials: readonly Tutorial[];
  /** Tasks after the session, by side; the programme kind decides which side mentors. */
  readonly homework: Readonly<Record<Side, readonly string[]>>;
}

/** One session of the half year, in German and English. */
export interface Session {
  /** Set on the kick-off, the mid-term review and the closing. */
  readonly milestone?: Milestone;
  /** The German text. */
  readonly de: SessionText;
  /** The English text. */
  readonly en: SessionText;
}

/**
 * The agenda step a programme goal becomes in the kick-off, so the pair relates the agency's
 * goals to their own. The goal is quoted as the admin wrote it, in the programme's language.
 */
export const PROGRAMME_GOAL_STEP: Readonly<Record<Locale, (goal: string) => string>> = {
  de: (goal) => `Programmziel „${goal}“: Was heißt das für euch?`,
  en: (goal) => `Programme goal “${goal}”: what does it mean for you?`,
};

/**
 * The twelve sessions, one a fortnight. Every topic session keeps the same frame — a look back
 * at the homework, then the topic tried out on real work of the agency — and gives homework to
 * both sides: the digital native passes on practice, the leader tries it in their own area and
 * brings in how the agency works. That division holds whoever mentors, so the texts fit reverse
 * and classic mentoring alike. Links go to Wikipedia in the session's language only: stable
 * pages, unlike deep links into other sites; the agency's own rules are named without a link.
 */
export const SESSIONS: readonly Session[] = [
  {
    milestone: 'kick-off',
    de: {
      title: 'Kennenlernen und Tandem-Vereinbarung',
      goal: 'Ihr kennt einander, habt eure Tandem-Vereinbarung getroffen und wisst, was ihr in diesem halben Jahr erreichen wollt.',
      agenda: [
        'Vorstellung: Werdegang, Aufgaben, ein ganz normaler Arbeitstag',
        'Tandem-Vereinbarung: Vertraulichkeit, Rhythmus und Ort der Treffen, wie ihr absagt oder verschiebt',
        'Den Themenplan durchgehen: Was interessiert euch besonders, was wollt ihr tauschen?',
        'Eure eigenen Ziele für das halbe Jahr festhalten',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Mentoring“',
          url: 'https://de.wikipedia.org/wiki/Mentoring',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Die Tandem-Vereinbarung in ein paar Sätzen festhalten und teilen',
          'Für das nächste Treffen ein Beispiel vorbereiten, wie das eigene Team gemeinsam an Dokumenten arbeitet',
        ],
        leader: [
          'Drei Situationen aus dem eigenen Arbeitsalltag notieren, in denen digitale Werkzeuge Zeit kosten oder verunsichern',
        ],
      },
    },
    en: {
      title: 'Getting to know each other and the tandem agreement',
      goal: 'You know each other, have made your tandem agreement and know what you want to achieve in these six months.',
      agenda: [
        'Introductions: career so far, responsibilities, an ordinary working day',
        'Tandem agreement: confidentiality, when and where you meet, how to cancel or reschedule',
        'Going through the topic plan: what interests you most, what would you swap?',
        'Writing down your own goals for the six months',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Mentorship”',
          url: 'https://en.wikipedia.org/wiki/Mentorship',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Write the tandem agreement down in a few sentences and share it',
          'For the next meeting, prepare an example of how your own team works on documents together',
        ],
        leader: [
          'Note three situations from your working day where digital tools cost you time or leave you unsure',
        ],
      },
    },
  },
  {
    de: {
      title: 'Gemeinsam an Dokumenten arbeiten und Wissen teilen',
      goal: 'Ihr habt gemeinsam in einem geteilten Dokument gearbeitet und wisst, wann ein Wiki besser ist als die nächste E-Mail mit Anhang.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Live ausprobieren: gleichzeitig in einem Dokument schreiben, kommentieren, Änderungen nachverfolgen',
        'Versionen statt Anhänge: Wo liegt die aktuelle Fassung, wer darf was?',
        'Wiki, Teamseite oder Ablage: Wo ist das Wissen eures Teams am besten aufgehoben?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Wiki“',
          url: 'https://de.wikipedia.org/wiki/Wiki',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Eine kurze Anleitung zum Kollaborationswerkzeug des Hauses als geteiltes Dokument anlegen',
        ],
        leader: [
          'Die nächste Abstimmung im eigenen Team über ein geteiltes Dokument statt über E-Mail-Anhänge laufen lassen',
          'Notieren, welches Wissen im Team nur in einzelnen Köpfen steckt',
        ],
      },
    },
    en: {
      title: 'Working on shared documents and sharing knowledge',
      goal: 'You have worked together in a shared document and know when a wiki beats yet another email attachment.',
      agenda: [
        'Looking back at the homework',
        'Trying it live: writing in one document at the same time, commenting, tracking changes',
        'Versions instead of attachments: where does the current draft live, and who may do what?',
        'Wiki, team site or file share: where is your team’s knowledge best kept?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Wiki”',
          url: 'https://en.wikipedia.org/wiki/Wiki',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Start a short guide to the agency’s collaboration tool as a shared document',
        ],
        leader: [
          'Run your team’s next round of comments through a shared document instead of email attachments',
          'Note which knowledge in your team lives only in individual heads',
        ],
      },
    },
  },
  {
    de: {
      title: 'Videokonferenzen und hybride Besprechungen',
      goal: 'Ihr wisst, wie eine Besprechung gelingt, wenn ein Teil im Raum sitzt und ein Teil zugeschaltet ist.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Durchspielen: Bildschirm teilen, Chat, Handzeichen, Gruppenräume',
        'Hybrid fair gestalten: Technik im Raum, Redeliste, jemand behält die Zugeschalteten im Blick',
        'Die nächste echte Besprechung gemeinsam planen',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Videokonferenz“',
          url: 'https://de.wikipedia.org/wiki/Videokonferenz',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: ['Eine Checkliste für hybride Besprechungen im eigenen Haus entwerfen'],
        leader: [
          'Die nächste Teambesprechung hybrid leiten und danach notieren, was gut lief und was nicht',
        ],
      },
    },
    en: {
      title: 'Video conferences and hybrid meetings',
      goal: 'You know how to make a meeting work when some people are in the room and others join remotely.',
      agenda: [
        'Looking back at the homework',
        'Trying it out: sharing a screen, chat, raised hands, breakout rooms',
        'Making hybrid fair: the technology in the room, a speaking order, someone keeping an eye on those joining remotely',
        'Planning your next real meeting together',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Videotelephony”',
          url: 'https://en.wikipedia.org/wiki/Videotelephony',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: ['Draft a checklist for hybrid meetings in your agency'],
        leader: [
          'Chair your next team meeting in hybrid form and note afterwards what went well and what did not',
        ],
      },
    },
  },
  {
    de: {
      title: 'E-Akte und digitale Arbeitsabläufe',
      goal: 'Ihr habt einen echten Vorgang vom Eingang bis zur Ablage in der E-Akte nachvollzogen und wisst, wo Medienbrüche Zeit kosten.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Einen Vorgang gemeinsam durchgehen: Eingang, Bearbeitung, Mitzeichnung, Ablage',
        'Suchen und finden: Aktenplan, Metadaten, Volltextsuche',
        'Medienbrüche aufspüren: Wo wird noch ausgedruckt, gescannt oder doppelt erfasst?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Dokumentenmanagement“',
          url: 'https://de.wikipedia.org/wiki/Dokumentenmanagement',
          minutes: 15,
        },
        { title: 'Die Hinweise eures Hauses zur E-Akte im Intranet', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Drei Tipps zur Suche in der E-Akte aufschreiben, die im Alltag Zeit sparen',
        ],
        leader: [
          'Einen Vorgang aus dem eigenen Bereich vollständig elektronisch bearbeiten und mitzeichnen',
          'Einen Medienbruch im eigenen Bereich benennen, der sich abstellen ließe',
        ],
      },
    },
    en: {
      title: 'E-files and digital workflows',
      goal: 'You have followed a real case through the e-file from receipt to filing and know where switching between paper and screen costs time.',
      agenda: [
        'Looking back at the homework',
        'Walking through a case together: receipt, processing, sign-off, filing',
        'Finding things: file plan, metadata, full-text search',
        'Spotting the gaps: where is something still printed, scanned or typed in twice?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Document management system”',
          url: 'https://en.wikipedia.org/wiki/Document_management_system',
          minutes: 15,
        },
        { title: 'Your agency’s e-file guidance on the intranet', minutes: 10 },
      ],
      homework: {
        digitalNative: ['Write down three search tips for the e-file that save time day to day'],
        leader: [
          'Handle one case from your own area fully electronically, including the sign-off',
          'Name one point in your area where paper could be dropped',
        ],
      },
    },
  },
  {
    de: {
      title: 'Informationssicherheit und Phishing',
      goal: 'Ihr erkennt typische Phishing-Mails und wisst, was im Ernstfall zu tun ist und wen ihr im Haus informiert.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Echte Beispiele ansehen: Woran erkennt man Phishing-Mails und gefälschte Anmeldeseiten?',
        'Den Ernstfall durchspielen: doch geklickt – was jetzt, und wer ist im Haus zuständig?',
        'Sicher arbeiten: Passwörter, Passwort-Manager, Zwei-Faktor-Anmeldung, gesperrter Bildschirm',
        'Sicherheit im Team ansprechen, ohne den Zeigefinger zu heben',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Phishing“',
          url: 'https://de.wikipedia.org/wiki/Phishing',
          minutes: 10,
        },
        { title: 'Die Regeln eures Hauses zur Informationssicherheit', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Eine kurze Liste mit Warnzeichen für Phishing-Mails schreiben, die sich im Team weitergeben lässt',
        ],
        leader: [
          'Phishing in der nächsten Teambesprechung fünf Minuten lang zum Thema machen',
          'Prüfen, ob für alle eigenen Konten die Zwei-Faktor-Anmeldung eingerichtet ist, wo das Haus sie anbietet',
        ],
      },
    },
    en: {
      title: 'Information security and phishing',
      goal: 'You can spot typical phishing emails and know what to do if it happens and whom to tell in the agency.',
      agenda: [
        'Looking back at the homework',
        'Looking at real examples: how do you recognise phishing emails and fake login pages?',
        'Rehearsing an incident: clicked after all – what now, and who is responsible in the agency?',
        'Working securely: passwords, password managers, two-factor sign-in, locking your screen',
        'Raising security in the team without wagging a finger',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Phishing”',
          url: 'https://en.wikipedia.org/wiki/Phishing',
          minutes: 10,
        },
        { title: 'Your agency’s information security rules', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Write a short list of phishing warning signs that can be passed around the team',
        ],
        leader: [
          'Spend five minutes on phishing at your next team meeting',
          'Check that two-factor sign-in is set up for all your accounts where the agency offers it',
        ],
      },
    },
  },
  {
    de: {
      title: 'KI-Assistenten und ihre Grenzen',
      goal: 'Ihr habt einen KI-Assistenten an einer echten Aufgabe ausprobiert und wisst, wofür er taugt, wo er sich etwas ausdenkt und welche Daten tabu sind.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Ausprobieren: eine Zusammenfassung, einen Entwurf oder eine Gliederung mit dem freigegebenen Werkzeug des Hauses erstellen',
        'Grenzen erkennen: erfundene Fakten und Quellen, veraltetes Wissen, Verzerrungen',
        'Was nie hineingehört: personenbezogene Daten, Verschlusssachen, interne Vorgänge',
        'Verantwortung klären: Wer prüft das Ergebnis, bevor es das Haus verlässt?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Chatbot“',
          url: 'https://de.wikipedia.org/wiki/Chatbot',
          minutes: 10,
        },
        {
          title: 'Die Hinweise eures Hauses zum Einsatz von KI, falls es welche gibt',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Drei gute und drei schlechte Beispiel-Prompts für typische Aufgaben im Haus aufschreiben',
        ],
        leader: [
          'Einen KI-Assistenten an einer unkritischen eigenen Aufgabe ausprobieren und das Ergebnis prüfen',
          'Überlegen, welche Regeln das eigene Team für den Umgang mit KI braucht',
        ],
      },
    },
    en: {
      title: 'AI assistants and their limits',
      goal: 'You have tried an AI assistant on a real task and know what it is good for, where it makes things up and which data must never go in.',
      agenda: [
        'Looking back at the homework',
        'Trying it out: a summary, a draft or an outline with the agency’s approved tool',
        'Recognising the limits: invented facts and sources, outdated knowledge, bias',
        'What never goes in: personal data, classified material, internal cases',
        'Settling responsibility: who checks the result before it leaves the agency?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Chatbot”',
          url: 'https://en.wikipedia.org/wiki/Chatbot',
          minutes: 10,
        },
        { title: 'Your agency’s guidance on using AI, if there is any', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Write down three good and three poor example prompts for typical tasks in the agency',
        ],
        leader: [
          'Try an AI assistant on a non-sensitive task of your own and check the result',
          'Think about which rules your team needs for working with AI',
        ],
      },
    },
  },
  {
    milestone: 'mid-term-review',
    de: {
      title: 'Halbzeit: Was trägt, was ändern wir?',
      goal: 'Ihr wisst, was in eurem Tandem gut läuft, was ihr ändert und ob ihr auf Kurs zu euren Zielen seid.',
      agenda: [
        'Rückblick auf die bisherigen Treffen: Was ist hängen geblieben, was nutzt ihr schon?',
        'Die Ziele vom Kennenlernen prüfen: erreicht, auf dem Weg oder zu ändern?',
        'Eure Zusammenarbeit: Was läuft gut, was stört – Rhythmus, Vorbereitung, Hausaufgaben?',
        'Die zweite Hälfte planen: Themen tauschen, vertiefen oder neu aufnehmen',
      ],
      tutorials: [
        { title: 'Eure Notizen und die Tandem-Vereinbarung noch einmal lesen', minutes: 15 },
      ],
      homework: {
        digitalNative: ['Die Änderungen für die zweite Hälfte festhalten und teilen'],
        leader: ['Eine Sache aus der ersten Hälfte an das eigene Team weitergeben'],
      },
    },
    en: {
      title: 'Mid-term review: what works, what do we change?',
      goal: 'You know what is going well in your tandem, what you will change and whether you are on track for your goals.',
      agenda: [
        'Looking back over the meetings so far: what has stuck, what are you already using?',
        'Checking the goals from your first meeting: reached, on the way, or to be changed?',
        'Working together: what works, what gets in the way – rhythm, preparation, homework?',
        'Planning the second half: swap, deepen or add topics',
      ],
      tutorials: [{ title: 'Reread your notes and your tandem agreement', minutes: 15 }],
      homework: {
        digitalNative: ['Write down the changes for the second half and share them'],
        leader: ['Pass one thing from the first half on to your own team'],
      },
    },
  },
  {
    de: {
      title: 'Mit Daten arbeiten und Open Data',
      goal: 'Ihr habt eine Frage aus eurem Arbeitsalltag mit Daten beantwortet und wisst, welche Daten eure Behörde offen bereitstellen könnte.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Eine Frage aus dem Arbeitsalltag mit Daten beantworten: Tabelle, Filter, ein einfaches Diagramm',
        'Datenqualität: Woher kommen die Zahlen, wie aktuell und vollständig sind sie?',
        'Open Data: Was veröffentlicht eure Behörde, was könnte sie veröffentlichen – und was schließt der Datenschutz aus?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Open Data“',
          url: 'https://de.wikipedia.org/wiki/Open_Data',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Einen offenen Datensatz finden, der für die Arbeit des Hauses nützlich ist, und in drei Sätzen beschreiben, was er zeigt',
        ],
        leader: [
          'Eine Entscheidung der nächsten Wochen benennen, die sich auf Daten stützen könnte, und klären, woher diese Daten kämen',
        ],
      },
    },
    en: {
      title: 'Working with data and open data',
      goal: 'You have answered a question from your working day with data and know which data your agency could make openly available.',
      agenda: [
        'Looking back at the homework',
        'Answering a question from your working day with data: a spreadsheet, filters, a simple chart',
        'Data quality: where do the figures come from, how current and complete are they?',
        'Open data: what does your agency publish, what could it publish – and what does data protection rule out?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Open data”',
          url: 'https://en.wikipedia.org/wiki/Open_data',
          minutes: 10,
        },
      ],
      homework: {
        digitalNative: [
          'Find an open data set that is useful for the agency’s work and describe in three sentences what it shows',
        ],
        leader: [
          'Name a decision in the coming weeks that could rest on data, and find out where that data would come from',
        ],
      },
    },
  },
  {
    de: {
      title: 'Social Media und die Öffentlichkeitsarbeit der Behörde',
      goal: 'Ihr kennt die Kanäle eurer Behörde und wisst, wie dort kommuniziert wird und was für euch selbst als Beschäftigte gilt.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Die Kanäle der Behörde gemeinsam ansehen: Wer erreicht wen, in welchem Ton, mit welchen Reaktionen?',
        'Plattformen im Vergleich: Was nutzen Jüngere, und was davon passt zur Behörde?',
        'Die Regeln: Neutralitätsgebot, Social-Media-Leitlinien des Hauses, Privates und Dienstliches trennen',
        'Umgang mit Kritik und Falschinformationen: Wer antwortet, wann und wie?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Social Media“',
          url: 'https://de.wikipedia.org/wiki/Social_Media',
          minutes: 10,
        },
        { title: 'Die Social-Media-Leitlinien eures Hauses, falls es welche gibt', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Einen Beitrag der Behörde auswählen und vorschlagen, wie er auf einem anderen Kanal aussehen könnte',
        ],
        leader: [
          'Ein Thema aus dem eigenen Bereich benennen, das die Öffentlichkeit interessieren könnte, und überlegen, wie es sich verständlich erzählen lässt',
        ],
      },
    },
    en: {
      title: 'Social media and the agency’s public communication',
      goal: 'You know your agency’s channels, how it communicates there and what applies to you as staff.',
      agenda: [
        'Looking back at the homework',
        'Going through the agency’s channels together: who reaches whom, in what tone, with what response?',
        'Comparing platforms: what do younger people use, and which of it suits the agency?',
        'The rules: political neutrality, the agency’s social media guidelines, keeping private and official apart',
        'Handling criticism and misinformation: who replies, when and how?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Social media”',
          url: 'https://en.wikipedia.org/wiki/Social_media',
          minutes: 10,
        },
        { title: 'Your agency’s social media guidelines, if it has any', minutes: 10 },
      ],
      homework: {
        digitalNative: [
          'Pick one of the agency’s posts and suggest how it could look on a different channel',
        ],
        leader: [
          'Pick a topic from your area that could interest the public and think about how to tell it plainly',
        ],
      },
    },
  },
  {
    de: {
      title: 'Barrierefreie Dokumente',
      goal: 'Ihr wisst, wie ein Dokument für alle lesbar wird, auch mit Screenreader, und habt eines gemeinsam geprüft.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Ausprobieren: ein Dokument mit dem Screenreader oder der Vorlesefunktion anhören',
        'Das Handwerk: Formatvorlagen für Überschriften, Alternativtexte für Bilder, Kontraste, echte Tabellen',
        'Ein eigenes Dokument gemeinsam mit der Barrierefreiheitsprüfung des Textprogramms prüfen',
        'Verständlich schreiben: kurze Sätze, klare Begriffe, Leichte Sprache, wo sie gebraucht wird',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Barrierefreies Internet“',
          url: 'https://de.wikipedia.org/wiki/Barrierefreies_Internet',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Eine Vorlage des Hauses auf Barrierefreiheit prüfen und die drei größten Mängel notieren',
        ],
        leader: [
          'Das nächste eigene Dokument mit Formatvorlagen und Alternativtexten erstellen',
          'Herausfinden, wer im Haus für Barrierefreiheit ansprechbar ist',
        ],
      },
    },
    en: {
      title: 'Accessible documents',
      goal: 'You know how to make a document readable for everyone, including people using a screen reader, and have checked one together.',
      agenda: [
        'Looking back at the homework',
        'Trying it out: listening to a document with a screen reader or the read-aloud function',
        'The craft: heading styles, alt text for images, contrast, proper tables',
        'Checking one of your own documents together with the word processor’s accessibility checker',
        'Writing clearly: short sentences, plain words, easy-to-read language where it is needed',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Web accessibility”',
          url: 'https://en.wikipedia.org/wiki/Web_accessibility',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Check one of the agency’s templates for accessibility and note the three biggest problems',
        ],
        leader: [
          'Create your next document with heading styles and alt text',
          'Find out whom to ask about accessibility in the agency',
        ],
      },
    },
  },
  {
    de: {
      title: 'Agil arbeiten und digital führen',
      goal: 'Ihr habt agile Werkzeuge an einem echten Vorhaben ausprobiert und wisst, was davon in eurer Behörde trägt.',
      agenda: [
        'Rückblick auf die Hausaufgaben',
        'Ein Aufgabenboard für ein echtes Vorhaben anlegen: offen, in Arbeit, erledigt',
        'In kleinen Schritten arbeiten: früh zeigen, Rückmeldung holen, nachsteuern',
        'Digital führen: Vertrauen statt Anwesenheit, Ergebnisse statt Stunden, Erreichbarkeit im hybriden Team',
        'Was passt zu Haushaltsrecht, Zuständigkeiten und Mitzeichnungswegen – und was nicht?',
      ],
      tutorials: [
        {
          title: 'Wikipedia-Artikel „Agile Softwareentwicklung“, woher die Idee stammt',
          url: 'https://de.wikipedia.org/wiki/Agile_Softwareentwicklung',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Ein Aufgabenboard für ein Vorhaben im eigenen Team einrichten und zwei Wochen lang pflegen',
        ],
        leader: [
          'Ein Vorhaben aus dem eigenen Bereich in kleine Schritte zerlegen und den ersten davon mit dem Team angehen',
        ],
      },
    },
    en: {
      title: 'Working in agile ways and leading digitally',
      goal: 'You have tried agile tools on a real project and know which of them work in your agency.',
      agenda: [
        'Looking back at the homework',
        'Setting up a task board for a real project: to do, in progress, done',
        'Working in small steps: show early, ask for feedback, adjust',
        'Leading digitally: trust instead of presence, results instead of hours, being reachable in a hybrid team',
        'What fits budget rules, responsibilities and sign-off chains – and what does not?',
      ],
      tutorials: [
        {
          title: 'Wikipedia article “Agile software development”, where the idea comes from',
          url: 'https://en.wikipedia.org/wiki/Agile_software_development',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Set up a task board for a project in your own team and keep it up for two weeks',
        ],
        leader: [
          'Break a project from your area into small steps and tackle the first one with your team',
        ],
      },
    },
  },
  {
    milestone: 'closing',
    de: {
      title: 'Abschluss: Rückblick und Rollentausch',
      goal: 'Ihr wisst, was ihr beide aus dem halben Jahr mitnehmt, und habt – wenn ihr mögt – einmal die Rollen getauscht.',
      agenda: [
        'Rückblick auf das halbe Jahr: Welche Themen und Momente sind geblieben?',
        'Die Ziele vom Anfang: Was ist erreicht, was bleibt offen?',
        {
          'reverse-mentoring':
            'Rollentausch (freiwillig): Die Führungskraft übernimmt einmal das Mentoring und gibt Wissen aus Führung und Verwaltung weiter, etwa wie eine Vorlage ihren Weg bis zur Hausleitung nimmt',
          'classic-mentoring':
            'Rollentausch (freiwillig): Wer bisher Mentee war, übernimmt einmal das Mentoring und zeigt der Führungskraft ein digitales Werkzeug oder eine Arbeitsweise aus dem eigenen Alltag',
        },
        'Wie es weitergeht: in Kontakt bleiben, Erfahrungen ins Haus tragen, vielleicht selbst ein Tandem begleiten',
      ],
      tutorials: [
        {
          title:
            'Eure Notizen, die Tandem-Vereinbarung und eure Ziele vom Anfang noch einmal lesen',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Die drei wichtigsten eigenen Erkenntnisse aus dem halben Jahr aufschreiben',
          'Den Programmverantwortlichen zurückmelden, was das nächste Tandem anders machen sollte',
        ],
        leader: [
          'Die drei wichtigsten eigenen Erkenntnisse aufschreiben und eine davon im eigenen Team teilen',
          'Überlegen, wem im Haus ein Tandem ebenfalls guttun würde, und es weiterempfehlen',
        ],
      },
    },
    en: {
      title: 'Closing: looking back and swapping roles',
      goal: 'You know what each of you takes away from the six months and, if you like, have swapped roles once.',
      agenda: [
        'Looking back on the six months: which topics and moments have stayed with you?',
        'Your goals from the start: what have you reached, what is still open?',
        {
          'reverse-mentoring':
            'Role swap (optional): the leader takes over the mentoring for once and passes on know-how from leadership and administration, such as how a submission makes its way up to the head of the agency',
          'classic-mentoring':
            'Role swap (optional): the mentee takes over the mentoring for once and shows the leader a digital tool or way of working from their own day',
        },
        'What comes next: staying in touch, carrying what you learnt into the agency, perhaps supporting a tandem yourselves',
      ],
      tutorials: [
        {
          title: 'Reread your notes, your tandem agreement and the goals you set at the start',
          minutes: 15,
        },
      ],
      homework: {
        digitalNative: [
          'Write down the three most important things you learnt in the six months',
          'Tell the programme team what the next tandems should do differently',
        ],
        leader: [
          'Write down the three most important things you learnt and share one of them with your team',
          'Think of someone in the agency who would benefit from a tandem and recommend it to them',
        ],
      },
    },
  },
];
