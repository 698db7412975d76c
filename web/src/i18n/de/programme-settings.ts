import { str } from '@lit/localize';

/**
 * German for the programme settings beyond the basics (matching, self-service, pairs that
 * stall, room), and for what the start page says about enrolment.
 */
export const templates = {
  'settings.room': 'Besprechungsraum',
  'settings.roomHint': 'Für Treffen vor Ort; er steht in jeder Einladung. Leer: keiner.',
  'settings.matching': 'Matching',
  'settings.differentDepartments': 'Nur Personen aus verschiedenen Abteilungen zusammenbringen',
  'settings.differentDepartmentsHint':
    'Mentoring: Wer niemanden aus einer anderen Abteilung findet, bleibt ohne Tandem. Mystery Lunch: Zwei Personen aus derselben Abteilung essen nur dann zusammen, wenn sonst nicht alle einen Termin bekommen.',
  'settings.weights': 'Gewicht jedes Kriteriums',
  'settings.weightsHint':
    'Die Bewertung eines Tandems ist der gewichtete Mittelwert seiner Kriterien. 0 lässt ein Kriterium weg; leer: der Standard des Verfahrens.',
  'settings.selfServiceLegend': 'Selbst wählen',
  'settings.selfService':
    'Teilnehmende wählen ihre Tandem-Partnerin oder ihren Tandem-Partner selbst',
  'settings.selfServiceHint':
    'Sie sehen ihre besten Vorschläge und fragen eine Person daraus an – statt eines Matchings durch die Verwaltung oder vor ihr.',
  'settings.requestExpiryDays': 'Tage, die eine Anfrage auf Antwort wartet',
  'settings.requestExpiryDaysHint':
    'Danach verfällt die Anfrage, und wer gefragt hat, bekommt den nächsten Vorschlag. 1 bis 30.',
  'settings.stale': 'Tandems, die stocken oder sich trennen',
  'settings.staleAfterWeeks': 'Wochen ohne Treffen, bis ein Tandem gefragt wird',
  'settings.staleAfterWeeksHint':
    'Nach so vielen Wochen ohne erledigtes Treffen werden beide gefragt, ob sie weitermachen oder eine neue Person suchen möchten. 1 bis 52.',
  'settings.rematchAtOnce': 'Bei einer Trennung sofort neue Tandems bilden',
  'settings.rematchAtOnceHint':
    'Beide bekommen sofort jemanden aus dem offenen Pool, statt erst beim nächsten Matching, das Sie starten.',
  'settings.outOfRange': str`Bitte geben Sie eine Zahl von ${0} bis ${1} ein.`,
  'home.open.allJoined':
    'Sie sind in jedem Programm angemeldet, für das die Anmeldung offen ist. Von neuen Programmen erfahren Sie in Ihrem Posteingang.',
  'home.state.enrolmentClosed': 'Anmeldung geschlossen',
  'home.state.enrolmentOpens': str`Anmeldung ab ${0}`,
};
