import { str } from '@lit/localize';

/** German for the review desk: forbid with undo, scores after edits, dissolving, quiet pairs. */
export const templates = {
  'reviewDesk.swap.hint':
    'Jede Person behält ihre Seite (Mentorin/Mentor oder Mentee) und erhält die Tandem-Partnerin oder den Tandem-Partner des anderen Paares. Die Matching-Strategie des Programms bewertet beide neuen Paare; fixierte Paare werden nicht angeboten.',
  'reviewDesk.score.refused': str`Keine Bewertung: Die Matching-Strategie des Programms würde dieses Paar nicht vorschlagen. ${0}`,
  'reviewDesk.summary.pairs': str`Jetzt sind ${0} Paare vorgeschlagen.`,
  'reviewDesk.summary.pairs.one': str`Jetzt ist ${0} Paar vorgeschlagen.`,
  'reviewDesk.summary.average': str`Durchschnittliche Bewertung ${0} von 100.`,
  'reviewDesk.forbid.heading': 'Diese beiden nie zusammenbringen?',
  'reviewDesk.forbid.text': str`${0} werden jetzt getrennt, und kein späterer Lauf schlägt sie als Paar vor. Sie können das rückgängig machen.`,
  'reviewDesk.forbid.confirm': 'Nie zusammenbringen',
  'reviewDesk.forbid.done': str`${0} werden nie zusammengebracht.`,
  'reviewDesk.undo': 'Rückgängig',
  'reviewDesk.undo.done': str`Rückgängig gemacht: ${0} sind wieder ein Paar.`,
  'reviewDesk.forbids.heading': str`Nie zusammenbringen (${0})`,
  'reviewDesk.forbids.allow': 'Wieder erlauben',
  'reviewDesk.forbids.allowed': str`${0} dürfen von späteren Läufen wieder zusammengebracht werden.`,
  'reviewDesk.quiet.heading': str`Stille Tandems (${0})`,
  'reviewDesk.quiet.hint':
    'Tandems ohne Lebenszeichen seit den Wochen, die das Programm festlegt. Tandem hat sie gefragt, ob es weitergeht; Sie sehen nur, seit wann sie still sind, damit Sie Hilfe anbieten können.',
  'reviewDesk.quiet.none': 'Kein Tandem ist still.',
  'reviewDesk.quiet.pair': str`${0}: still seit ${1}`,
  'reviewDesk.dissolve': 'Auflösen …',
  'reviewDesk.dissolve.heading': str`${0} auflösen?`,
  'reviewDesk.dissolve.legend': 'Warum?',
  'reviewDesk.dissolve.hint':
    'Der Grund bleibt bei den Admins. Beide erfahren freundlich und ohne Grund, dass ihr Tandem endet; ihre kommenden Treffen werden abgesagt.',
  'reviewDesk.dissolve.confirm': 'Tandem auflösen',
  'reviewDesk.dissolve.choose': 'Wählen Sie einen Grund.',
  'reviewDesk.dissolve.done': str`${0} aufgelöst; beide werden freundlich informiert, ohne den Grund.`,
  'reviewDesk.dissolved.heading': str`Aufgelöste Tandems (${0})`,
  'reviewDesk.dissolved.noReason': 'kein Grund angegeben',
  'reviewDesk.reason.didNotFit': 'Die beiden passen nicht zusammen',
  'reviewDesk.reason.noTime': 'Sie finden keine Zeit füreinander',
  'reviewDesk.reason.memberAsked': 'Eine Person hat darum gebeten',
  'reviewDesk.reason.left': 'Eine Person hat die Organisation verlassen',
  'reviewDesk.reason.other': 'Ein anderer Grund',
};
