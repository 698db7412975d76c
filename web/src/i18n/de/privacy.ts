import { str } from '@lit/localize';

/** German for "Your data" on the profile page: download and account deletion. */
export const templates = {
  'privacy.title': 'Ihre Daten',
  'privacy.intro':
    'Sie können alles, was Tandem über Sie gespeichert hat, als Datei herunterladen, und Sie können Ihr Konto löschen.',
  'privacy.download': 'Meine Daten herunterladen',
  'privacy.delete': 'Mein Konto löschen',
  'privacy.dialog.title': 'Konto löschen?',
  'privacy.dialog.intro': 'Wenn Sie Ihr Konto löschen:',
  'privacy.dialog.programmes': 'Sie verlassen alle Programme, an denen Sie teilnehmen.',
  'privacy.dialog.partners':
    'Wer mit Ihnen ein Tandem bildet, bekommt eine neue Partnerin oder einen neuen Partner. In deren Verlauf erscheinen Sie nur noch als ehemalige Person, ohne Ihren Namen.',
  'privacy.dialog.erased':
    'Ihr Profil, Ihre Nachrichten sowie Ihre Notizen und Rückmeldungen werden gelöscht.',
  'privacy.dialog.final':
    'Das lässt sich nicht rückgängig machen. Wenn Sie eine Kopie behalten möchten, laden Sie Ihre Daten vorher herunter.',
  'privacy.dialog.type': str`Geben Sie zur Bestätigung ${0} ein`,
  'privacy.dialog.mismatch': str`Geben Sie ${0} ein, um Ihr Konto zu löschen.`,
  'privacy.dialog.word': 'LÖSCHEN',
  'privacy.dialog.confirm': 'Konto endgültig löschen',
  'privacy.dialog.keep': 'Konto behalten',
};
