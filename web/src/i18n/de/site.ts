import { str } from '@lit/localize';

/** German for the accessibility statement (Erklärung zur Barrierefreiheit nach BITV 2.0). */
export const templates = {
  'accessibility.title': 'Erklärung zur Barrierefreiheit',
  'accessibility.operator': 'Die Betreiberin dieser Website',
  'accessibility.intro': str`${0} ist bemüht, diese Tandem-Website im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen, die die Richtlinie (EU) 2016/2102 umsetzt. Diese Erklärung gilt für ${1}.`,
  'accessibility.status.title': 'Stand der Vereinbarkeit mit den Anforderungen',
  'accessibility.status.text':
    'Diese Website ist teilweise mit den Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA und mit der BITV 2.0 vereinbar. Sie ist darauf ausgelegt, die Anforderungen zu erfüllen; eine unabhängige Prüfung hat das aber noch nicht bestätigt.',
  'accessibility.gaps.title': 'Nicht barrierefreie Inhalte',
  'accessibility.gaps.content':
    'Texte, die die Organisation selbst schreibt, etwa Programmbeschreibungen und Nachrichten, werden nicht automatisch geprüft; ihnen können Überschriften oder eine verständliche Sprache fehlen.',
  'accessibility.gaps.audit':
    'Eine unabhängige Prüfung (zum Beispiel ein BITV-Test) hat noch nicht stattgefunden. Es können also Barrieren bestehen, die wir selbst nicht gefunden haben.',
  'accessibility.easy.title': 'Leichte Sprache und Gebärdensprache',
  'accessibility.easy.text':
    'Was diese Website ist, wie man sie bedient und wie barrierefrei sie ist, erklären wir auch in Leichter Sprache:',
  'accessibility.easy.signLanguage': 'Informationen in Deutscher Gebärdensprache',
  'accessibility.assessment.title': 'Erstellung dieser Erklärung',
  'accessibility.assessment.text':
    'Die Erklärung beruht auf einer Selbstbewertung durch das Entwicklungsteam: Jede Seite wird auf Deutsch und Englisch mit dem automatischen Prüfwerkzeug axe geprüft und allein mit der Tastatur durchlaufen, in der Breite eines Smartphones und eines Bildschirms.',
  'accessibility.assessment.date': str`Diese Erklärung wurde am ${0} erstellt oder zuletzt überprüft.`,
  'accessibility.feedback.title': 'Feedback und Kontaktangaben',
  'accessibility.feedback.text':
    'Sind Ihnen Barrieren auf dieser Website aufgefallen, oder benötigen Sie Informationen daraus in barrierefreier Form? Bitte teilen Sie es uns mit.',
  'accessibility.feedback.email': 'E-Mail:',
  'accessibility.feedback.form': 'Kontaktformular',
  'accessibility.feedback.none':
    'Bitte wenden Sie sich an die Organisation, die diese Website betreibt, zum Beispiel an ihre Beauftragten für Barrierefreiheit oder für IT.',
  'accessibility.enforcement.title': 'Durchsetzungsverfahren',
  'accessibility.enforcement.text':
    'Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten, können Sie sich an eine Schlichtungsstelle wenden. Das Verfahren ist kostenfrei, und Sie brauchen keinen Rechtsbeistand.',
  'accessibility.enforcement.federal':
    'Für Stellen des Bundes ist das die Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG); Stellen eines Landes nennen die Schlichtungsstelle ihres Landes.',
  'accessibility.enforcement.link': 'Website der Schlichtungsstelle nach § 16 BGG',
};
