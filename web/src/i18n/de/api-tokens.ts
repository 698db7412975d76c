import { str } from '@lit/localize';

/** German for the admins' API tokens page (/admin/tokens). */
export const templates = {
  'apiTokens.dashboardLink': 'API-Tokens',
  'apiTokens.title': 'API-Tokens',
  'apiTokens.intro':
    'Mit einem persönlichen API-Token kann ein Skript oder ein Personalverwaltungssystem die Tandem-API in Ihrem Namen aufrufen – nur für Operationen der Administration und nur im Rahmen der Berechtigungen, die Sie ihm geben. Widerrufen Sie ein Token, sobald es nicht mehr gebraucht wird.',
  'apiTokens.docsLink': 'API-Referenz',
  'apiTokens.list': 'Ihre Tokens',
  'apiTokens.new': 'Neues Token',
  'apiTokens.name': 'Name',
  'apiTokens.nameHint': 'Wofür es verwendet wird, z. B. „Anmeldung aus dem Personalsystem“.',
  'apiTokens.nameMissing': 'Bitte geben Sie dem Token einen Namen.',
  'apiTokens.expires': 'Gültig bis (optional)',
  'apiTokens.expiresHint':
    'Bis zum Ende dieses Tages. Ohne Datum gilt das Token, bis Sie es widerrufen.',
  'apiTokens.scopes': 'Berechtigungen',
  'apiTokens.scopesMissing': 'Wählen Sie mindestens eine Berechtigung.',
  'apiTokens.scope.read':
    'alles lesen, was die Administration sieht (alle GET-Operationen der Administration)',
  'apiTokens.scope.enrol': 'Personen in ihrem Namen für Programme anmelden',
  'apiTokens.create': 'Token erstellen',
  'apiTokens.created': str`Token „${0}“ erstellt`,
  'apiTokens.onlyOnce':
    'Kopieren Sie das Token jetzt: Es wird nur dieses eine Mal angezeigt und kann später nicht mehr abgerufen werden.',
  'apiTokens.secret': 'Ihr neues Token',
  'apiTokens.copy': 'Token kopieren',
  'apiTokens.done': 'Fertig, ich habe es gespeichert',
  'apiTokens.copied': 'Das Token ist in die Zwischenablage kopiert.',
  'apiTokens.copyFailed':
    'Kopieren ist hier nicht möglich; das Token ist markiert, kopieren Sie es mit Strg+C.',
  'apiTokens.none': 'Sie haben keine API-Tokens.',
  'apiTokens.caption': 'Ihre API-Tokens, neueste zuerst',
  'apiTokens.col.prefix': 'Beginnt mit',
  'apiTokens.col.created': 'Erstellt',
  'apiTokens.col.used': 'Zuletzt verwendet',
  'apiTokens.col.status': 'Status',
  'apiTokens.never': 'nie',
  'apiTokens.revoked': str`Widerrufen am ${0}`,
  'apiTokens.expired': str`Abgelaufen am ${0}`,
  'apiTokens.validUntil': str`Gültig bis ${0}`,
  'apiTokens.validForever': 'Gültig bis zum Widerruf',
  'apiTokens.revoke': 'Widerrufen',
  'apiTokens.revoke.heading': str`Token „${0}“ widerrufen?`,
  'apiTokens.revoke.text':
    'Was es verwendet, wird ab sofort abgewiesen. Das lässt sich nicht rückgängig machen.',
  'apiTokens.revoke.confirm': 'Token widerrufen',
  'apiTokens.cancel': 'Abbrechen',
  'apiTokens.revokedNow': str`Das Token „${0}“ ist widerrufen.`,
};
