import { str } from '@lit/localize';

/** German for the surveys: the participant's survey page and list, the admin's survey settings. */
export const templates = {
  'surveys.title': 'Befragung',
  'surveys.name.baseline': 'Einstiegsbefragung',
  'surveys.name.midterm': 'Zwischenbefragung',
  'surveys.name.end': 'Abschlussbefragung',
  'surveys.anonymous':
    'Ihre Antworten werden ohne Ihren Namen und ohne Zeitpunkt gespeichert: Niemand, auch nicht die Personalabteilung, kann sie Ihnen zuordnen. Jede Frage dürfen Sie offen lassen.',
  'surveys.section.competence': 'Ihre digitalen Kompetenzen',
  'surveys.section.goals': 'Die Ziele des Programms',
  'surveys.section.programme': 'Das Programm',
  'surveys.section.custom': 'Weitere Fragen',
  'surveys.skip': 'Jetzt überspringen',
  'surveys.send': 'Antworten senden',
  'surveys.thanks': 'Danke: Ihre Antworten sind gespeichert, ohne Ihren Namen.',
  'surveys.answered': str`Sie haben diese Befragung zu ${0} beantwortet. Vielen Dank!`,
  'surveys.backHome': 'Zurück zu meinen Programmen',
  'surveys.open.heading': 'Befragungen, die auf Sie warten',
  'surveys.open.link': str`${0}: ${1}`,
  'surveys.enrol.heading': 'Freiwillig: die Einstiegsbefragung',
  'surveys.enrol.intro':
    'Sie sind dabei. Möchten Sie sagen, wo Sie heute stehen? Wenn Sie überspringen, erhalten Sie die Befragung später per Einladung.',
  'surveys.enrol.skipped': 'Übersprungen: Die Befragung erhalten Sie später per Einladung.',
  'surveys.error.empty': 'Beantworten Sie mindestens eine Frage.',
  'surveys.error.answered':
    'Sie haben diese Befragung schon beantwortet; jede Befragung wird einmal beantwortet.',
  'surveys.error.notDue':
    'Diese Befragung ist für Sie noch nicht offen: Sie erhalten eine Einladung, sobald sie ansteht.',
  'surveys.error.notParticipant':
    'Nur die Teilnehmenden des Programms beantworten seine Befragungen.',
  'surveys.error.off': 'Dieses Programm stellt diese Befragung nicht.',
  'surveys.error.answer': 'Eine der Antworten passt nicht zu ihrer Frage. Bitte prüfen Sie sie.',
  'surveys.error.settings':
    'Eine der eigenen Fragen ist nicht vollständig: Eine Einfachauswahl braucht Optionen, und jede Frage gibt es nur einmal.',
  'surveys.admin.legend': 'Befragungen',
  'surveys.admin.hint':
    'Antworten werden ohne die Person und ohne Zeitpunkt gespeichert. Die Auswertung zeigt Zahlen nur für ausreichend große Gruppen.',
  'surveys.admin.showFreeText': 'Freitext-Antworten in der Auswertung zeigen',
  'surveys.admin.showFreeTextHint': 'Nur wenn genug Personen geantwortet haben; aus: nur Zahlen.',
  'surveys.admin.enabled': 'Diese Befragung senden',
  'surveys.admin.when.baseline':
    'Wird bei der Anmeldung angeboten; wer überspringt, wird einen Tag später eingeladen.',
  'surveys.admin.when.midterm':
    'Wird die angegebenen Wochen nach dem Start des ersten Tandems der Person gesendet.',
  'surveys.admin.when.end':
    'Wird gesendet, wenn das Programm abgeschlossen wird, oder früher nach den angegebenen Wochen.',
  'surveys.admin.weeks': 'Wochen nach dem Start des Tandems',
  'surveys.admin.reminderDays': 'Erinnerung nach Tagen (0: keine)',
  'surveys.admin.endWhen': 'Wann die Abschlussbefragung gesendet wird',
  'surveys.admin.atClose': 'Wenn das Programm abgeschlossen wird',
  'surveys.admin.afterWeeks': 'Wochen nach dem Start des Tandems (spätestens beim Abschluss)',
  'surveys.admin.own': 'Eigene Fragen',
  'surveys.admin.noOwn': 'Noch keine.',
  'surveys.admin.remove': 'Entfernen',
  'surveys.admin.removeLabel': str`Frage entfernen: ${0}`,
  'surveys.admin.removed': 'Frage entfernt. Speichern Sie, um die Änderung zu behalten.',
  'surveys.admin.newText': 'Neue Frage',
  'surveys.admin.kind': 'Art der Antwort',
  'surveys.admin.kind.scale': 'Skala 1 bis 5',
  'surveys.admin.kind.single': 'Einfachauswahl',
  'surveys.admin.kind.text': 'Freitext',
  'surveys.admin.options': 'Optionen einer Einfachauswahl, eine pro Zeile',
  'surveys.admin.add': 'Frage hinzufügen',
  'surveys.admin.added': 'Frage hinzugefügt. Speichern Sie, um sie zu behalten.',
  'surveys.admin.error.text': 'Schreiben Sie zuerst die Frage.',
  'surveys.admin.error.options': 'Eine Einfachauswahl braucht mindestens zwei Optionen.',
  'surveys.admin.counts': 'Bisher gefragt und geantwortet',
  'surveys.admin.asked': 'Gefragt',
  'surveys.admin.answeredCount': 'Beantwortet',
};
