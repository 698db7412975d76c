import { str } from '@lit/localize';

/**
 * German for line-manager approval and waitlists: the managers' approvals page, the
 * participant's enrolment states, the admins' settings and requests waiting.
 */
export const templates = {
  'approvals.title': 'Zustimmungen',
  'approvals.intro':
    'Mitarbeitende aus Ihrem Team bitten um Ihre Zustimmung, während der Arbeitszeit an einem Programm teilzunehmen. Sie sehen nur, wer an welchem Programm teilnehmen möchte.',
  'approvals.all': 'Alle meine Zustimmungen',
  'approvals.none': 'Niemand wartet auf Ihre Zustimmung.',
  'approvals.request': str`${0} möchte an „${1}“ teilnehmen`,
  'approvals.approve': 'Zustimmen',
  'approvals.decline': 'Ablehnen',
  'approvals.pending': str`Wartet auf Ihre Antwort bis zum ${0}.`,
  'approvals.approved': 'Sie haben zugestimmt.',
  'approvals.declined': 'Sie haben abgelehnt.',
  'approvals.expired': 'Niemand hat rechtzeitig geantwortet; die Anfrage ist abgelaufen.',
  'approvals.withdrawn': 'Die Anfrage wurde zurückgezogen.',
  'approvals.approvedNow': str`Sie haben der Anmeldung von ${0} zugestimmt.`,
  'approvals.declinedNow': str`Sie haben die Anmeldung von ${0} abgelehnt.`,
  'home.approvalsWaiting.one':
    'Eine Kollegin oder ein Kollege wartet auf Ihre Zustimmung zur Teilnahme an einem Programm.',
  'home.approvalsWaiting': str`${0} Kolleginnen und Kollegen warten auf Ihre Zustimmung zur Teilnahme an einem Programm.`,
  'home.approvalsAnswer': 'Jetzt antworten',
  'home.awaitingApproval': 'Ihre Anmeldung wartet auf die Zustimmung Ihrer Führungskraft.',
  'home.waitlisted': str`Das Programm ist voll: Sie stehen auf der Warteliste, an Platz ${0}. Sobald ein Platz frei wird, rücken Sie nach.`,
  'home.declined': 'Ihre Führungskraft hat Ihrer Anmeldung nicht zugestimmt.',
  'home.approvalExpired':
    'Ihre Führungskraft hat nicht rechtzeitig geantwortet; Ihre Anmeldung ist abgelaufen.',
  'enrol.awaitingApproval': str`Ihre Anmeldung zu ${0} ist gespeichert. Ihre Führungskraft wurde um Zustimmung gebeten; Sie erfahren die Antwort.`,
  'enrol.waitlisted': str`${0} ist voll: Sie stehen auf der Warteliste, an Platz ${1}. Sobald ein Platz frei wird, rücken Sie nach.`,
  'settings.approvalLegend': 'Zustimmung und Plätze',
  'settings.managerApproval': 'Anmeldungen brauchen die Zustimmung der Führungskraft',
  'settings.managerApprovalHint':
    'Tandem fragt die Führungskraft, die das Verzeichnis nennt, auf ihren Kanälen; sie stimmt mit einem Klick zu oder lehnt ab. Ist keine Führungskraft bekannt, antworten Sie auf der Seite „Anmeldungen“ des Programms.',
  'settings.approvalExpiryDays': 'Tage, die eine Bitte um Zustimmung wartet',
  'settings.approvalExpiryDaysHint':
    'Nach der Hälfte wird die Führungskraft erinnert; ohne Antwort läuft die Anmeldung dann ab, und die Person erfährt es. 1 bis 60.',
  'settings.capacity': 'Plätze',
  'settings.capacityHint':
    'Höchstens so viele nehmen teil, gleich in welcher Rolle; wer sich darüber hinaus anmeldet, kommt auf die Warteliste und rückt nach, sobald ein Platz frei wird. Leer: keine Grenze.',
  'approvals.admin.heading': 'Warten auf Zustimmung',
  'approvals.admin.person': 'Person',
  'approvals.admin.manager': 'Führungskraft',
  'approvals.admin.until': 'Wartet bis',
  'approvals.admin.answer': 'Für die Führungskraft',
  'approvals.admin.noManager': 'Keine Führungskraft zu fragen',
  'approvals.admin.approveFor': str`Für ${0} zustimmen`,
  'approvals.admin.declineFor': str`Für ${0} ablehnen`,
  'admin.enrolmentState.awaitingApproval': 'Wartet auf Zustimmung',
  'admin.enrolmentState.waitlisted': 'Warteliste',
  'admin.enrolmentState.declined': 'Von der Führungskraft abgelehnt',
  'admin.enrolmentState.expired': 'Zustimmung abgelaufen',
};
