/**
 * Tandem in Leichter Sprache (§ 4 BITV 2.0): what the site is, how to use it, and how
 * accessible it is. The pages are German in both languages of the app (Leichte Sprache is
 * German by nature), so their text is not a translation in `templates` but the content the page
 * renders under lang="de". Written to the rules of the Netzwerk Leichte Sprache: one statement a
 * sentence, no passive, no abbreviations, words explained where they first come up, long words
 * split with a hyphen, and every sentence on a line of its own.
 */

/** German for the few English messages on the page (shown on English pages only). */
export const templates = {
  'leichteSprache.englishNote':
    'Diese Seiten gibt es nur auf Deutsch, in Leichter Sprache: mit kurzen Sätzen und erklärten Wörtern.',
};

/** Sentences shown together, each on a line of its own; or a list, an item of one or more. */
export type EasyBlock = { sentences: string[] } | { list: (string | string[])[] };

export interface EasySection {
  heading: string;
  blocks: EasyBlock[];
}

export interface EasyPart {
  path: string;
  /** The page's heading and the part's name in the list of parts. */
  title: string;
  /** The first lines, before the sections. */
  intro: EasyBlock[];
  sections: EasySection[];
}

export const EASY_PATHS = {
  about: '/leichte-sprache',
  use: '/leichte-sprache/bedienung',
  accessibility: '/leichte-sprache/barrierefreiheit',
} as const;

/** The words around the parts: the list of parts, the sign language video, the statement. */
export const EASY_FRAME = {
  partsLabel: 'Tandem in Leichter Sprache',
  partsIntro: 'Hier gibt es 3 Seiten in Leichter Sprache:',
  signLanguage: 'Informationen in Deutscher Gebärdensprache',
  signLanguageIntro: [
    'Es gibt auch ein Video in Deutscher Gebärden-Sprache.',
    'In dem Video erklären wir Tandem mit Gebärden.',
  ],
};

/**
 * Who runs the site, in one sentence: the organisation's name where it is set.
 */
export function ownerSentence(organisation: string | null): string {
  return organisation
    ? `Die Internet-Seite gehört zu: ${organisation}.`
    : 'Die Internet-Seite gehört zu Ihrer Arbeits-Stelle.';
}

/** Part 1: what Tandem is. The first sentence about the owner comes from `ownerSentence`. */
export const ABOUT: EasyPart = {
  path: EASY_PATHS.about,
  title: 'Was ist Tandem?',
  intro: [
    {
      sentences: [
        'Tandem ist eine Internet-Seite.',
        'Auf der Internet-Seite finden Sie Programme.',
        'Ein Programm ist ein Angebot zum Lernen.',
        'Das Angebot ist für die Menschen bei Ihrer Arbeits-Stelle.',
      ],
    },
  ],
  sections: [
    {
      heading: 'Was heißt Tandem?',
      blocks: [
        {
          sentences: [
            'Ein Tandem ist ein Fahrrad für 2 Menschen.',
            'Auf einem Tandem fahren 2 Menschen zusammen.',
          ],
        },
        {
          sentences: [
            'Hier bedeutet Tandem: 2 Menschen lernen zusammen.',
            'Die 2 Menschen arbeiten bei der gleichen Arbeits-Stelle.',
            'Die 2 Menschen treffen sich oft.',
            'Sie sprechen über ihre Arbeit.',
            'Sie lernen voneinander.',
            'Der andere Mensch in Ihrem Tandem heißt: Tandem-Partner oder Tandem-Partnerin.',
          ],
        },
      ],
    },
    {
      heading: 'Was heißt Mentoring?',
      blocks: [
        {
          sentences: [
            'Mentoring ist ein englisches Wort.',
            'Man spricht es so: Men-to-ring.',
            'Mentoring bedeutet: Ein Mensch hilft einem anderen Mensch beim Lernen.',
          ],
        },
        {
          sentences: [
            'Der Mensch mit viel Wissen heißt: Mentor oder Mentorin.',
            'Der Mensch, der etwas lernen möchte, heißt: Mentee.',
            'Man spricht es so: Men-ti.',
          ],
        },
      ],
    },
    {
      heading: 'Welche Programme gibt es?',
      blocks: [
        { sentences: ['Es gibt 3 Arten von Programmen:'] },
        {
          list: [
            ['Mentoring.', 'Ein Mensch mit viel Erfahrung hilft einem Mensch mit wenig Erfahrung.'],
            [
              'Reverse Mentoring.',
              'Reverse ist Englisch.',
              'Man spricht es so: Ri-wörs.',
              'Das Wort bedeutet: umgekehrt.',
              'Hier hilft ein Mensch einer Führungs-Kraft.',
              'Eine Führungs-Kraft ist eine Chefin oder ein Chef.',
              'Der Mensch zeigt der Führungs-Kraft zum Beispiel neue Computer-Programme.',
            ],
            [
              'Mystery Lunch.',
              'Das ist Englisch.',
              'Man spricht es so: Mis-te-ri Lantsch.',
              'Das bedeutet: Überraschungs-Mittag-Essen.',
              'Sie essen mit Kolleginnen und Kollegen zu Mittag.',
              'Tandem sucht die Kolleginnen und Kollegen für Sie aus.',
              'Das ist die Überraschung.',
            ],
          ],
        },
      ],
    },
    {
      heading: 'Was heißt Matching?',
      blocks: [
        {
          sentences: [
            'Matching ist ein englisches Wort.',
            'Man spricht es so: Mät-sching.',
            'Matching bedeutet: Tandem sucht für Sie einen passenden Tandem-Partner.',
            'Oder eine passende Tandem-Partnerin.',
            'Tandem schaut dafür: Was können Sie gut?',
            'Was möchten Sie lernen?',
            'Wann haben Sie Zeit?',
            'Danach prüft eine Person aus der Personal-Abteilung die Tandems.',
          ],
        },
      ],
    },
  ],
};

/** Part 2: how to use Tandem. Button and menu names are the app's own German labels. */
export const USE: EasyPart = {
  path: EASY_PATHS.use,
  title: 'So benutzen Sie Tandem',
  intro: [
    {
      sentences: [
        'Hier erklären wir Schritt für Schritt:',
        'So machen Sie bei einem Programm mit.',
      ],
    },
  ],
  sections: [
    {
      heading: 'Schritt 1: Anmelden',
      blocks: [
        {
          sentences: [
            'Anmelden bedeutet hier: Sie zeigen Tandem, wer Sie sind.',
            'Dafür brauchen Sie das Konto von Ihrer Arbeits-Stelle.',
            'Ein Konto ist Ihr Zugang zu den Computern bei der Arbeit.',
            'Zu dem Konto gehören Ihr Benutzer-Name und Ihr Passwort.',
            'Ein Passwort ist ein geheimes Wort.',
          ],
        },
        {
          list: [
            'Klicken Sie oben rechts auf: Anmelden.',
            'Geben Sie Ihren Benutzer-Namen und Ihr Passwort ein.',
            'Danach sehen Sie die Seite: Meine Programme.',
          ],
        },
      ],
    },
    {
      heading: 'Schritt 2: Bei einem Programm mit-machen',
      blocks: [
        {
          sentences: [
            'Auf der Seite Meine Programme sehen Sie alle Programme.',
            'Wählen Sie ein Programm aus.',
            'Dann füllen Sie ein Formular aus.',
            'Ein Formular ist eine Seite mit Fragen.',
            'Sie schreiben Ihre Antworten in das Formular.',
          ],
        },
        { sentences: ['Das Formular fragt zum Beispiel:'] },
        {
          list: [
            'Möchten Sie Mentor oder Mentorin sein? Oder Mentee?',
            'Was können Sie gut?',
            'Was möchten Sie lernen?',
            'Wann haben Sie Zeit für Treffen?',
          ],
        },
        {
          sentences: [
            'Am Ende klicken Sie auf: Verbindlich anmelden.',
            'Verbindlich bedeutet: Sie machen sicher mit.',
            'Das ist Ihre Anmeldung für das Programm.',
          ],
        },
      ],
    },
    {
      heading: 'Schritt 3: Ihr Tandem',
      blocks: [
        {
          sentences: [
            'Tandem sucht für Sie einen Tandem-Partner oder eine Tandem-Partnerin.',
            'Danach bekommen Sie eine Nachricht.',
            'Klicken Sie oben auf: Mein Tandem.',
          ],
        },
        { sentences: ['Dort sehen Sie:'] },
        {
          list: [
            'Mit wem sind Sie im Tandem?',
            'Wann treffen Sie sich?',
            'Worüber sprechen Sie bei dem Treffen?',
          ],
        },
      ],
    },
    {
      heading: 'Nachrichten lesen',
      blocks: [
        {
          sentences: [
            'Klicken Sie oben auf: Nachrichten.',
            'Dort finden Sie alle Nachrichten von Tandem.',
            'Tandem kann Ihnen die Nachrichten auch als E-Mail schicken.',
            'Das stellen Sie auf der Seite Profil ein.',
          ],
        },
      ],
    },
    {
      heading: 'Die Sprache wechseln',
      blocks: [
        {
          sentences: [
            'Tandem gibt es auf Deutsch und auf Englisch.',
            'Oben rechts steht: English.',
            'Klicken Sie darauf.',
            'Dann zeigt Tandem alles auf Englisch.',
            'Zurück kommen Sie mit einem Klick auf: Deutsch.',
          ],
        },
      ],
    },
    {
      heading: 'Tandem mit der Tastatur benutzen',
      blocks: [
        {
          sentences: [
            'Sie können Tandem auch ohne Maus benutzen.',
            'Drücken Sie die Tab-Taste.',
            'Dann springen Sie zum nächsten Link oder Knopf.',
            'Ein Link ist ein Verweis auf eine andere Seite.',
            'Drücken Sie die Enter-Taste.',
            'Dann öffnen Sie den Link.',
            'Oder Sie drücken den Knopf.',
          ],
        },
      ],
    },
    {
      heading: 'Abmelden',
      blocks: [
        {
          sentences: [
            'Am Ende klicken Sie oben rechts auf: Abmelden.',
            'Dann kann niemand mehr Ihre Daten an diesem Computer sehen.',
          ],
        },
      ],
    },
  ],
};

/** Part 3: accessibility. The page adds the operator's contact and conciliation body. */
export const ACCESSIBILITY: EasyPart = {
  path: EASY_PATHS.accessibility,
  title: 'Barriere-Freiheit',
  intro: [
    {
      sentences: [
        'Barriere-Freiheit bedeutet: Alle Menschen können die Internet-Seite benutzen.',
        'Auch Menschen mit Behinderung.',
        'Zum Beispiel Menschen, die schlecht sehen.',
        'Oder Menschen, die nur mit der Tastatur arbeiten.',
      ],
    },
    {
      sentences: [
        'Es gibt ein Gesetz für Barriere-Freiheit im Internet.',
        'Das Gesetz heißt: Barriere-freie Informations-Technik-Verordnung.',
        'Das Gesetz gilt für Ämter und Behörden.',
        'Wir möchten das Gesetz einhalten.',
      ],
    },
  ],
  sections: [
    {
      heading: 'Was tun wir für die Barriere-Freiheit?',
      blocks: [
        {
          list: [
            'Ein Computer-Programm prüft jede Seite.',
            'Wir benutzen jede Seite nur mit der Tastatur.',
            'Wir prüfen jede Seite auf einem Handy.',
            'Wir prüfen jede Seite auf einem großen Bild-Schirm.',
            'Wir prüfen jede Seite auf Deutsch und auf Englisch.',
          ],
        },
      ],
    },
    {
      heading: 'Was ist noch nicht barriere-frei?',
      blocks: [
        {
          sentences: [
            'Manche Texte schreibt Ihre Arbeits-Stelle selbst.',
            'Zum Beispiel die Texte über die Programme.',
            'Diese Texte prüfen wir nicht.',
            'Vielleicht sind diese Texte schwer zu lesen.',
          ],
        },
        {
          sentences: [
            'Fach-Leute für Barriere-Freiheit haben Tandem noch nicht geprüft.',
            'Vielleicht gibt es darum noch Barrieren.',
            'Eine Barriere ist ein Hindernis.',
            'Mit einer Barriere können Sie einen Teil der Seite schlecht benutzen.',
          ],
        },
      ],
    },
  ],
};

/** The contact section of part 3: whom to tell, and where to turn when that does not help. */
export const EASY_CONTACT = {
  heading: 'Haben Sie eine Barriere gefunden?',
  intro: ['Dann sagen Sie uns bitte Bescheid.', 'Wir versuchen, die Barriere zu entfernen.'],
  email: 'Schreiben Sie eine E-Mail an:',
  form: 'Kontakt-Formular',
  formIntro: 'Oder schreiben Sie uns über das:',
  none: [
    'Sprechen Sie mit Ihrer Arbeits-Stelle.',
    'Zum Beispiel mit der Person für Barriere-Freiheit.',
    'Oder mit der Person für Computer und Technik.',
  ],
  complaintHeading: 'Sie bekommen keine gute Antwort?',
  complaint: [
    'Dann können Sie sich bei einer Schlichtungs-Stelle beschweren.',
    'Eine Schlichtungs-Stelle hilft bei einem Streit.',
    'Die Hilfe kostet nichts.',
    'Sie brauchen dafür keinen Anwalt.',
  ],
  operatorBody: 'Hier ist die Adresse von der Schlichtungs-Stelle:',
  federalBody: 'Internet-Seite von der Schlichtungs-Stelle',
  statement: 'Die Erklärung zur Barriere-Freiheit in schwerer Sprache',
  statementIntro: 'Hier finden Sie alle Informationen in schwerer Sprache:',
};

export const EASY_PARTS: EasyPart[] = [ABOUT, USE, ACCESSIBILITY];
