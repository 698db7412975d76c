import { str } from '@lit/localize';

/** German for the audit log (admins). */
export const templates = {
  'audit.dashboardLink': 'Protokoll (Audit-Log)',
  'audit.title': 'Protokoll',
  'audit.intro':
    'Wer hat wann was getan: alle Aktionen der Administration und sicherheitsrelevanten Ereignisse. Niemand kann einen Eintrag ändern oder löschen; Einträge, die älter als die Aufbewahrungsfrist sind, werden automatisch entfernt.',
  'audit.filter': 'Filter',
  'audit.filter.action': 'Aktion',
  'audit.filter.actionHint': 'Der Anfang genügt, z. B. „auth.“ für alle Anmeldeereignisse.',
  'audit.filter.actor': 'Person (Benutzer-ID)',
  'audit.filter.targetType': 'Art des Ziels',
  'audit.filter.targetTypeHint': 'z. B. programme, match, user',
  'audit.filter.targetId': 'ID des Ziels',
  'audit.filter.from': 'Von (Datum)',
  'audit.filter.to': 'Bis (Datum, einschließlich)',
  'audit.filter.apply': 'Einträge anzeigen',
  'audit.filter.clear': 'Filter zurücksetzen',
  'audit.none': 'Keine passenden Einträge.',
  'audit.range': str`Einträge ${0}–${1} von ${2}`,
  'audit.caption': 'Protokolleinträge, neueste zuerst',
  'audit.col.at': 'Zeitpunkt',
  'audit.col.action': 'Aktion',
  'audit.col.actor': 'Durch',
  'audit.col.target': 'Ziel',
  'audit.col.data': 'Einzelheiten',
  'audit.paging': 'Seiten des Protokolls',
  'audit.newer': 'Neuere Einträge',
  'audit.older': 'Ältere Einträge',
  'audit.system': 'System oder unbekannt',
  'audit.paged': 'Eine andere Seite des Protokolls wird angezeigt.',
};
