import { str } from '@lit/localize';

/** German for what went wrong: the server's error codes, and the fallbacks by status. */
export const templates = {
  'errors.enrolment.not-open': 'Die Anmeldung zu diesem Programm hat noch nicht begonnen.',
  'errors.enrolment.matching': 'Die Anmeldung ist beendet: Das Matching für das Programm läuft.',
  'errors.enrolment.running': 'Die Anmeldung ist beendet: Das Programm läuft.',
  'errors.enrolment.programme-closed': 'Das Programm ist abgeschlossen.',
  'errors.enrolment.opens': str`Die Anmeldung beginnt am ${0}.`,
  'errors.enrolment.closed-at': str`Die Anmeldung endete am ${0}.`,
  'errors.eligibility.department': str`Dieses Programm steht ${0} offen; Ihre Abteilung ist ${1}.`,
  'errors.eligibility.department.unknown': str`Dieses Programm steht ${0} offen; Tandem kennt Ihre Abteilung nicht.`,
  'errors.eligibility.title': str`Dieses Programm steht ${0} offen; Ihre Stellenbezeichnung ist ${1}.`,
  'errors.eligibility.title.unknown': str`Dieses Programm steht ${0} offen; Tandem kennt Ihre Stellenbezeichnung nicht.`,
  'errors.eligibility.role': str`Dieses Programm steht Personen mit der Rolle ${0} offen.`,
  'enrol.notPossible': 'Eine Anmeldung ist im Moment nicht möglich.',
  'errors.enrolment.no-common-language': str`Dieses Programm trifft sich auf ${0}; ergänzen Sie eine dieser Sprachen in Ihrem Profil.`,
  'errors.enrolment.not-enrolled': 'Sie sind in diesem Programm nicht angemeldet.',
  'errors.enrolment.peer-role': 'Bei einer Mittagsrunde nehmen alle gleichberechtigt teil.',
  'errors.enrolment.role-required': 'Wählen Sie Ihre Rolle: Mentor/Mentorin, Mentee oder beides.',
  'errors.profile.unknown-skills':
    'Einige der Kenntnisse werden nicht mehr angeboten. Bitte wählen Sie erneut.',
  'errors.preferences.inbox-required': 'Der Posteingang in Tandem lässt sich nicht abschalten.',
  'errors.preferences.unknown-channel': 'Diese Art der Benachrichtigung gibt es hier nicht.',
  'errors.preferences.email-from-account':
    'Ihre E-Mail-Adresse stammt aus dem Konto Ihrer Organisation.',
  'errors.preferences.address': str`Diese Adresse lässt sich für ${0} nicht verwenden.`,
  'errors.skill.exists': 'Es gibt bereits eine Kenntnis mit diesem Schlüssel.',
  'errors.token.expiry-past': 'Das Ablaufdatum muss in der Zukunft liegen.',
  'errors.profile.exclude-self': 'Sie können sich nicht selbst ausschließen.',
  'errors.profile.exclude-unknown':
    'Eine Person, die Sie ausgeschlossen haben, ist Tandem nicht bekannt.',
  'errors.meeting.over': 'Dieses Treffen ist vorbei oder abgesagt.',
  'errors.meeting.changed':
    'Dieses Treffen hat sich inzwischen geändert. Bitte antworten Sie auf die neue Zeit.',
  'errors.meeting.too-soon':
    'Bitte schlagen Sie eine Zeit vor, die mindestens eine Stunde entfernt liegt.',
  'errors.time.no-longer-fits': 'Diese Zeit passt nicht mehr. Bitte wählen Sie eine andere.',
  'errors.time.no-search': 'Ihr Tandem sucht gerade keinen Termin.',
  'errors.time.after-end': 'Bitte schlagen Sie Zeiten vor dem Ende des Programms vor.',
  'errors.time.busy': 'Eine oder einer von Ihnen hat zu dieser Zeit schon ein anderes Treffen.',
  'errors.session.not-found': 'Diese Sitzung ist nicht mehr in Ihrem Plan.',
  'errors.session.not-planned': 'Diese Sitzung ist nicht mehr geplant.',
  'errors.plan.order-incomplete':
    'Der Plan hat sich inzwischen geändert. Bitte laden Sie die Seite neu.',
  'errors.homework.not-found': 'Diese Aufgabe steht nicht mehr auf Ihrer Liste.',
  'errors.homework.lunch': 'Eine Mittagsrunde hat keine Hausaufgaben.',
  'errors.feedback.not-done':
    'Rückmeldung gibt es nach einer Sitzung, die stattgefunden hat: Markieren Sie sie zuerst als erledigt.',
  'errors.question.not-author': 'Nur wer eine Frage gestellt hat, kann sie umformulieren.',
  'errors.note.not-author': 'Nur wer eine Notiz geschrieben hat, kann sie ändern oder löschen.',
  'errors.pair.not-active': 'Dieses Tandem ist bereits beendet.',
  'errors.self-service.off':
    'In diesem Programm bildet die Personalabteilung die Tandems; Sie können nicht selbst wählen.',
  'errors.self-service.no-suggestions': 'Dieses Programm macht keine Vorschläge.',
  'errors.request.invalid-partner': 'Diese Person nimmt nicht an diesem Programm teil.',
  'errors.request.partner-taken': 'Diese Person hat bereits ein Tandem.',
  'errors.request.have-tandem': 'Sie haben bereits ein Tandem.',
  'errors.request.waiting': 'Ihre Anfrage wartet noch auf eine Antwort.',
  'errors.request.accepted': 'Diese Anfrage wurde bereits angenommen.',
  'errors.request.declined': 'Diese Anfrage wurde bereits abgelehnt.',
  'errors.request.withdrawn': 'Diese Anfrage wurde zurückgezogen.',
  'errors.request.expired': 'Diese Anfrage ist abgelaufen.',
  'errors.match.forbid-invalid': 'Wählen Sie zwei verschiedene Personen dieses Programms.',
  'errors.match.swap-invalid':
    'Zum Tauschen braucht es zwei Personen auf derselben Seite zweier verschiedener, nicht veröffentlichter Paare.',
  'errors.match.not-editable': 'Dieses Paar lässt sich hier nicht mehr ändern.',
  'errors.publish.wrong-state': 'Dieses Programm hat jetzt keine Paare zu veröffentlichen.',
  'errors.publish.nothing': 'Es gibt nichts zu veröffentlichen.',
  'errors.matching.programme-closed': 'Das Programm ist abgeschlossen; es gibt kein Matching mehr.',
  'errors.matching.run-busy': 'Das Matching für dieses Programm läuft bereits.',
  'errors.programme.closed': 'Ein abgeschlossenes Programm kann nicht mehr geändert werden.',
  'errors.programme.transition':
    'Von seinem jetzigen Stand aus kann das Programm nicht zu diesem Schritt wechseln.',
  'errors.programme.enrolment-window': 'Die Anmeldung muss nach ihrem Beginn enden.',
  'errors.programme.no-curriculum': 'Dieses Curriculum ist auf diesem Server nicht verfügbar.',
  'errors.programme.wrong-kind': 'Dieses Curriculum passt nicht zu dieser Art von Programm.',
  'errors.plugin-failed':
    'Ein Plugin dieses Servers hat nicht geantwortet. Bitte versuchen Sie es später erneut.',
  'errors.signed-out': 'Bitte melden Sie sich erneut an.',
  'errors.forbidden': 'Das dürfen Sie nicht.',
  'errors.not-found': 'Das gibt es nicht (mehr), oder Sie dürfen es nicht sehen.',
  'errors.conflict':
    'Das hat sich inzwischen geändert. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  'errors.too-many':
    'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  'errors.invalid': 'Das wurde nicht angenommen. Bitte prüfen Sie Ihre Eingaben.',
  'errors.server': 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
  'errors.server.request': str`Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es erneut; passiert es wieder, nennen Sie die Anfrage ${0}.`,
};
