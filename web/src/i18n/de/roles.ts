import { str } from '@lit/localize';

/** German for the roles: People & roles, programme managers, what report readers see. */
export const templates = {
  'roles.nav.reports': 'Berichte',
  'roles.dashboardLink': 'Personen und Rollen',
  'roles.dashboard.managerIntro':
    'Sie betreuen die hier aufgeführten Programme; eine Administratorin oder ein Administrator ordnet sie Ihnen zu.',
  'roles.dashboard.noneAssigned': 'Ihnen ist noch kein Programm zugeordnet.',
  'roles.dashboard.more': 'Weiteres',
  'roles.dashboard.reportLabel': str`Bericht zu ${0}`,
  'roles.audit.withoutPeople':
    'Als Berichtsleserin oder Berichtsleser sehen Sie, was wann in welchem Programm geschah, aber nicht, wer es tat oder wen es betraf.',
  'roles.audit.hidden': 'Nicht angezeigt',
  'roles.intro':
    'Programmverantwortliche verwalten die ihnen zugeordneten Programme (auf der Seite des jeweiligen Programms). Berichtsleserinnen und Berichtsleser sehen die zusammengefassten Berichte aller Programme und das Protokoll, ohne Namen.',
  'roles.search': 'Name oder E-Mail-Adresse',
  'roles.find': 'Suchen',
  'roles.none': 'Niemand gefunden.',
  'roles.legend': str`Rollen von ${0}`,
  'roles.save': 'Rollen speichern',
  'roles.fromIdp': 'aus der Anmeldung',
  'roles.saved': str`Die Rollen von ${0} sind gespeichert.`,
  'roles.role.admin': 'Administration',
  'roles.role.programmeManager': 'Programmverantwortliche/r',
  'roles.role.reportReader': 'Berichtsleser/in',
  'roles.managers.title': 'Programmverantwortliche',
  'roles.managers.legend': 'Wer dieses Programm verwalten darf',
  'roles.managers.save': 'Programmverantwortliche speichern',
  'roles.managers.nobody':
    'Noch niemand hat die Rolle „Programmverantwortliche/r“; Sie vergeben sie unter „Personen und Rollen“.',
  'roles.managers.saved': str`${0} Programmverantwortliche zugeordnet.`,
  'roles.auditEvent.rolesAssigned': 'Rollen in Tandem vergeben oder entzogen',
  'roles.auditEvent.managersChanged': 'Programmverantwortliche geändert',
  'roles.auditEvent.programmeDenied': 'Abgelehnt: Programm nicht zugeordnet',
};
