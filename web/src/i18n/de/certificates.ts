import { str } from '@lit/localize';

/**
 * German for certificates of participation: the participant's list, the public verification
 * page and the programme's certificates on its admin page.
 */
export const templates = {
  'certificates.title': 'Meine Bescheinigungen',
  'certificates.intro':
    'Eine Teilnahmebescheinigung nennt Ihr Programm, den Zeitraum, die gehaltenen Treffen Ihres Tandems, die Stunden und die Themen. Wem Sie sie zeigen, kann ihre Nummer auf der Prüfseite nachsehen.',
  'certificates.none':
    'Noch keine Bescheinigung. Sobald Ihr Tandem sich getroffen hat und Ihr Programm oder Ihr Tandem beendet ist, finden Sie hier Ihre Teilnahmebescheinigung.',
  'certificates.issued': str`Nummer ${0}, ausgestellt am ${1}.`,
  'certificates.notYetIssued': 'Wird beim ersten Herunterladen ausgestellt.',
  'certificates.download': str`Teilnahmebescheinigung für ${0} (PDF)`,
  'verify.title': 'Bescheinigung prüfen',
  'verify.number': 'Bescheinigungsnummer',
  'verify.submit': 'Prüfen',
  'verify.unknown': str`Es gibt keine Bescheinigung mit der Nummer ${0}.`,
  'verify.found': str`Bescheinigung ${0} ist echt`,
  'verify.states': 'Sie bescheinigt:',
  'verify.holder': 'Name',
  'verify.programme': 'Programm',
  'verify.organisation': 'Organisation',
  'verify.period': 'Zeitraum',
  'verify.sessions': 'Gehaltene Treffen',
  'verify.hours': 'Stunden',
  'verify.topics': 'Behandelte Themen',
  'verify.issuedOn': 'Ausgestellt am',
  'certificates.admin.title': 'Teilnahmebescheinigungen',
  'certificates.admin.summary': str`${0} Teilnehmende können eine Teilnahmebescheinigung erhalten (ihr Tandem hat sich getroffen, und das Programm oder ihr Tandem ist beendet); ${1} ausgestellt.`,
  'certificates.admin.issue': 'Bescheinigungen ausstellen und benachrichtigen',
  'certificates.admin.caption': 'Ausgestellte Bescheinigungen',
  'certificates.admin.number': 'Nummer',
  'certificates.admin.holder': 'Inhaber/in',
  'certificates.admin.issuedAt': 'Ausgestellt',
  'certificates.admin.byAdmin': 'vom Programm',
  'certificates.admin.bySelf': 'auf Wunsch',
  'certificates.admin.issued.one': str`${0} Bescheinigung ausgestellt; die Person ist benachrichtigt.`,
  'auditEvent.certificatesIssued': 'Teilnahmebescheinigungen ausgestellt',
  'certificates.admin.issued': str`${0} Bescheinigungen ausgestellt; die Personen sind benachrichtigt.`,
};
