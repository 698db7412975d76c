import { str } from '@lit/localize';

/** German for my programmes, the enrolment, the profile and the preferences. */
export const templates = {
  // My programmes (start page)
  'home.mine': 'Meine Programme',
  'home.mine.empty':
    'Sie nehmen noch an keinem Programm teil. Unten finden Sie die Programme, für die die Anmeldung offen ist.',
  'home.open': 'Anmeldung offen',
  'home.open.empty':
    'Zurzeit ist für kein Programm die Anmeldung offen. Über neue Programme informieren wir Sie in Ihren Nachrichten.',
  'home.sessions': str`${0} Sitzungen zu je ${1} Minuten, ${2}.`,
  'home.sessions.one': str`${0} Sitzung mit ${1} Minuten, ${2}.`,
  'home.withdrawnEarlier': 'Sie hatten sich abgemeldet; Sie können sich erneut anmelden.',
  'home.join': 'Teilnehmen',
  'home.myRole': str`Ihre Rolle: ${0}`,
  'home.withdrawn': 'Sie haben sich von diesem Programm abgemeldet.',
  'home.openTandem': 'Zu meinem Tandem',
  'home.change': 'Anmeldung ändern',
  // Not 'Abmelden': that is also 'Sign out' in the header.
  'home.withdraw': 'Teilnahme beenden',
  'home.partner': str`Ihr Tandem: ${0}`,
  'home.waiting':
    'Sobald Ihre Tandempartnerin oder Ihr Tandempartner feststeht, hören Sie von uns.',
  'home.noPair': 'In diesem Programm haben Sie zurzeit kein Tandem.',
  'home.window': str`Anmeldung vom ${0} bis ${1}`,
  'home.windowUntil': str`Anmeldung bis ${0}`,
  'home.withdraw.heading': str`Teilnahme an ${0} beenden?`,
  'home.withdraw.intro': 'Wenn Sie Ihre Teilnahme beenden:',
  'home.withdraw.enrolment': 'endet Ihre Anmeldung und Sie werden nicht mehr zugeordnet;',
  'home.withdraw.pair':
    'wird ein bestehendes Tandem aufgelöst: Ihr Gegenüber wird informiert und jemand anderem zugeordnet, geplante Termine entfallen;',
  'home.withdraw.again': 'können Sie sich erneut anmelden, solange die Anmeldung offen ist.',
  'home.withdraw.cancel': 'Angemeldet bleiben',
  'home.withdraw.done': str`Sie haben sich von ${0} abgemeldet.`,

  // Shared wording for programmes and roles
  'participant.role.peer': 'Lunch-Partner/in',
  'participant.format.both': 'vor Ort oder online',
  'participant.kind.reverse': 'Reverse Mentoring',
  'participant.kind.classic': 'Mentoring',
  'participant.kind.lunch': 'Mystery Lunch',
  'participant.state.enrolment': 'Anmeldung offen',
  'participant.state.matching': 'Tandems werden gebildet',
  'participant.state.running': 'Läuft',
  'participant.state.closed': 'Abgeschlossen',
  'participant.state.draft': 'In Vorbereitung',

  // Enrolment
  'enrol.titleEdit': 'Meine Anmeldung ändern',
  'enrol.title': 'An einem Programm teilnehmen',
  'enrol.backHome': 'Zurück zu meinen Programmen',
  'enrol.editing': str`Sie ändern Ihre Anmeldung für ${0}`,
  'enrol.for': str`Anmeldung für ${0}`,
  'enrol.stepOf': str`Schritt ${0} von ${1}`,
  'enrol.back': 'Zurück',
  'enrol.cancel': 'Abbrechen',
  'enrol.next': 'Weiter',
  'enrol.save': 'Änderungen speichern',
  'enrol.submit': 'Verbindlich anmelden',
  'enrol.step.role': 'Ihre Rolle',
  'enrol.step.skills': 'Kompetenzen',
  'enrol.step.details': 'Erfahrung und Treffen',
  'enrol.step.availability': 'Zeiten und Ziele',
  'enrol.step.review': 'Prüfen und bestätigen',
  'enrol.role.peer':
    'Beim Mystery Lunch nehmen alle gleichberechtigt teil: Sie müssen keine Rolle wählen.',
  'enrol.role.reverse.mentor': 'Mentor/Mentorin für Digitales',
  'enrol.role.reverse.mentorHint':
    'Sie kennen sich mit digitalen Werkzeugen und Arbeitsweisen aus und geben Ihr Wissen an eine Führungskraft weiter.',
  'enrol.role.reverse.mentee': 'Führungskraft (Mentee)',
  'enrol.role.reverse.menteeHint':
    'Sie leiten ein Team oder eine Einheit und lernen von einer jüngeren oder digital erfahrenen Kollegin oder einem Kollegen.',
  'enrol.role.either': 'Beides möglich',
  'enrol.role.eitherHint': 'Sie können sich beide Rollen vorstellen.',
  'enrol.role.mentor': 'Mentor/Mentorin',
  'enrol.role.mentorHint': 'Sie geben Ihre Erfahrung an eine Kollegin oder einen Kollegen weiter.',
  'enrol.role.mentee': 'Mentee',
  'enrol.role.menteeHint':
    'Sie lernen von einer erfahreneren Kollegin oder einem erfahreneren Kollegen.',
  'enrol.role.legend': 'Wie möchten Sie teilnehmen?',
  'enrol.review.intro':
    'Bitte prüfen Sie Ihre Angaben. Sie können sie ändern, bis die Tandems gebildet werden.',
  'enrol.review.none': 'Keine',
  'enrol.review.programme': 'Programm',
  'enrol.review.role': 'Rolle',
  'enrol.review.notGiven': 'Keine Angabe',
  'enrol.review.excluded': str`${0} (vertraulich)`,
  'enrol.review.changeRole': 'Rolle ändern',
  'enrol.review.changeSkills': 'Kompetenzen ändern',
  'enrol.review.changeDetails': 'Erfahrung und Treffen ändern',
  'enrol.review.changeAvailability': 'Zeiten und Ziele ändern',
  'enrol.error.role': 'Bitte wählen Sie eine Rolle.',
  'enrol.saved': str`Ihre Anmeldung für ${0} ist gespeichert.`,
  'enrol.joined': str`Sie sind jetzt für ${0} angemeldet.`,

  // Profile fields (enrolment and profile page)
  'profile.error.offered':
    'Bitte wählen Sie mindestens eine Kompetenz, die Sie weitergeben können, oder geben Sie ein Stichwort ein.',
  'profile.error.wanted':
    'Bitte wählen Sie mindestens eine Kompetenz, die Sie lernen möchten, oder geben Sie ein Stichwort ein.',
  'profile.error.any':
    'Bitte wählen Sie mindestens eine Kompetenz oder geben Sie ein Stichwort ein.',
  'profile.error.tags': 'Höchstens 20 Stichwörter mit je höchstens 80 Zeichen.',
  'profile.error.languages': 'Bitte wählen Sie mindestens eine Sprache.',
  'profile.error.experience':
    'Bitte geben Sie ganze Jahre zwischen 0 und 60 ein oder lassen Sie das Feld leer.',
  'profile.error.location': 'Höchstens 200 Zeichen.',
  'profile.error.windows': 'Einige Zeiten sind ungültig; siehe Hinweis unter der jeweiligen Zeile.',
  'profile.error.noWindows':
    'Bitte geben Sie mindestens eine Zeit an, zu der Sie sich treffen können.',
  'profile.error.goals': 'Höchstens 5 Ziele mit je höchstens 300 Zeichen.',
  'profile.offered.reverse': 'Digitale Kompetenzen und Erfahrungen, die ich weitergeben kann',
  'profile.offered': 'Kompetenzen, die ich weitergeben kann',
  'profile.wanted.reverse': 'Was ich lernen möchte',
  'profile.wanted': 'Kompetenzen, die ich lernen möchte',
  'profile.tags': 'Weitere Themen (Stichwörter)',
  'profile.tags.hint': 'Durch Kommas getrennt, z. B. Excel-Makros, Podcasts.',
  'profile.format.onSite': 'Vor Ort',
  'profile.format.remote': 'Online',
  'profile.format.both': 'Beides',
  'profile.experience': 'Jahre Berufserfahrung',
  'profile.experience.hint':
    'Freiwillig. Die Angabe hilft, Generationen und Erfahrungsstufen zusammenzubringen.',
  'profile.languages': 'Sprachen, in denen ich mich treffen kann',
  'profile.format': 'Wie ich mich treffen möchte',
  'profile.location': 'Standort (Gebäude, Ort)',
  'profile.availability': 'Wann ich mich treffen kann (wöchentlich)',
  'profile.goals': 'Meine Ziele',
  'profile.goals.hint': 'Ein Ziel pro Zeile, höchstens fünf.',
  'profile.excluded': 'Mit diesen Personen möchte ich lieber kein Tandem bilden',
  'profile.excluded.hint': 'Freiwillig und vertraulich: Niemand sonst sieht diese Liste.',
  'profile.excluded.earlier': str`Person ${0} (früher ausgewählt)`,
  'profile.excluded.remove': str`${0} entfernen`,
  'profile.excluded.removeShort': 'Entfernen',
  'profile.excluded.addShort': 'Hinzufügen',
  'profile.excluded.add': str`${0} hinzufügen`,
  'profile.excluded.added': str`${0} hinzugefügt.`,
  'profile.excluded.removed': str`${0} entfernt.`,
  'profile.people.label': 'Kolleginnen und Kollegen suchen',
  'profile.people.placeholder': 'Name oder Abteilung',
  'profile.people.search': 'Suchen',
  'profile.people.none': 'Niemand gefunden.',
  'profile.people.results': 'Suchergebnisse',
  'profile.people.short': 'Bitte geben Sie mindestens zwei Buchstaben ein.',
  'profile.people.count': str`${0} gefunden.`,

  // Skill picker and availability editor
  'participant.skills.digital': 'Digitales',
  'participant.skills.organisation': 'Organisation und Führung',
  'availability.error.time': 'Bitte geben Sie beide Uhrzeiten mit Stunden und Minuten an.',
  'availability.error.order': 'Das Ende muss nach dem Beginn liegen.',
  'availability.none': 'Noch keine Zeiten.',
  'availability.add': 'Zeit hinzufügen',
  'availability.weekday': str`Tag ${0}`,
  'availability.from': str`Von ${0}`,
  'availability.to': str`Bis ${0}`,
  'availability.remove': str`Zeit ${0} entfernen`,

  // Profile and preferences page
  'profilePage.title': 'Profil und Einstellungen',
  'profilePage.profile': 'Mein Profil',
  'profilePage.profile.hint':
    'Jede Anmeldung zu einem Programm beginnt mit diesem Profil; was Sie bei der Anmeldung eintragen, wird auch hier gespeichert.',
  'profilePage.profile.save': 'Profil speichern',
  'profilePage.saved': 'Gespeichert',
  'profilePage.locale.orgDe': 'Wie meine Organisation (Deutsch)',
  'profilePage.locale.orgEn': 'Wie meine Organisation (Englisch)',
  'profilePage.preferences': 'Einstellungen',
  'profilePage.locale': 'Sprache',
  'profilePage.channels': 'Wie Tandem mich erreichen darf',
  'profilePage.channels.hint':
    'Nachrichten erhalten Sie immer in Ihrem Posteingang in Tandem. Zusätzlich können Sie sie erhalten per:',
  'profilePage.channels.inboxOnly': 'Nachrichten erhalten Sie in Ihrem Posteingang in Tandem.',
  'profilePage.preferences.save': 'Einstellungen speichern',
  'profilePage.webhook': 'Webhook-Adresse für den Chat',
  'profilePage.webhook.hint':
    'Freiwillig: die Adresse eines eingehenden Webhooks Ihres Team-Chats, beginnend mit https://.',
  'profilePage.webhook.error':
    'Bitte geben Sie eine vollständige Adresse ein, die mit https:// beginnt.',
};
