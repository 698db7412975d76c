import { str } from '@lit/localize';

/** German for the app shell, the start page and shared components. */
export const templates = {
  'shell.loadError': 'Diese Seite konnte nicht geladen werden. Bitte laden Sie neu.',
  'shell.skip': 'Zum Inhalt springen',
  'shell.accessibility': 'Erklärung zur Barrierefreiheit',
  'shell.nav.overview': 'Meine Programme',
  'shell.nav.tandem': 'Mein Tandem',
  'shell.nav.inbox': 'Nachrichten',
  'shell.nav.profile': 'Profil',
  'shell.nav.admin': 'Verwaltung',
  'shell.nav.label': 'Hauptmenü',
  'shell.signIn': 'Anmelden',
  'shell.signOut': 'Abmelden',
  'inbox.badge.new': str`Neue Nachricht. ${0} ungelesen.`,
  'inbox.badge.unread': str`(${0} ungelesen)`,
  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Unter dieser Adresse gibt es keine Seite.',
  'notFound.home': 'Zur Startseite',
  'home.welcomeName': str`Willkommen, ${0}`,
  'home.welcome': 'Willkommen bei Tandem',
  'home.intro':
    'Tandem bringt Kolleginnen und Kollegen zusammen: Reverse Mentoring, klassisches Mentoring und Mystery Lunch. Melden Sie sich mit Ihrem Konto der Organisation an, um an einem Programm teilzunehmen.',
  'home.signIn': 'Anmelden',
  'shell.gate.signIn': 'Bitte melden Sie sich an',
  'shell.gate.signInText': 'Diese Seite ist für Teilnehmende eines Programms.',
  'shell.gate.forbidden': 'Nicht verfügbar',
  'shell.gate.forbiddenText': 'Diese Seite ist für die Personalverwaltung.',
  'task.loading': 'Wird geladen …',
  'task.error': 'Etwas ist schiefgegangen. Bitte versuchen Sie es noch einmal.',
};
