import { str } from '@lit/localize';

/** German for the API reference page (/api/docs); the operations themselves stay English. */
export const templates = {
  'apiDocs.title': 'API-Referenz',
  'apiDocs.intro': str`Alle Operationen der Tandem-API in Version ${0}, so wie der Server sie in seinem OpenAPI-3-Dokument beschreibt.`,
  'apiDocs.download': 'OpenAPI-Dokument herunterladen (JSON)',
  'apiDocs.auth': 'Authentifizierung',
  'apiDocs.auth.intro':
    'Im Browser authentifiziert das Sitzungs-Cookie Ihrer Anmeldung jeden Aufruf. Skripte und Personalverwaltungssysteme verwenden stattdessen ein persönliches API-Token einer Administratorin oder eines Administrators: Es handelt in deren Namen, nur bei Operationen der Administration und nur im Rahmen seiner Berechtigungen.',
  'apiDocs.scope.read': 'alle Operationen der Administration, die nur lesen (GET).',
  'apiDocs.scope.enrol': 'Personen in ihrem Namen für Programme anmelden.',
  'apiDocs.auth.tokensPage':
    'Tokens erstellen und widerrufen Administratorinnen und Administratoren auf der Seite',
  'apiDocs.auth.tokensLink': 'API-Tokens',
  'apiDocs.auth.header': 'Senden Sie das Token im Authorization-Header:',
  'apiDocs.operations': 'Operationen',
  'apiDocs.filter': 'Operationen filtern',
  'apiDocs.filterHint': 'Nach Pfad, Zusammenfassung oder Operation-ID.',
  'apiDocs.count': str`${0} Operationen angezeigt`,
  'apiDocs.details': 'Parameter und Schemas',
  'apiDocs.operationId': 'Operation-ID:',
  'apiDocs.body': 'Anfrage-Body',
  'apiDocs.responses': 'Antworten',
  'apiDocs.parameters': 'Parameter',
  'apiDocs.required': 'erforderlich',
  'apiDocs.schema': str`Schema (${0})`,
  'apiDocs.access.anonymous': 'Für alle offen, ohne Anmeldung.',
  'apiDocs.access.participant':
    'Erfordert eine angemeldete Person (Sitzungs-Cookie); API-Tokens werden nicht angenommen.',
  'apiDocs.access.adminToken': str`Administration: Sitzungs-Cookie oder ein API-Token mit der Berechtigung ${0}.`,
  'apiDocs.access.admin': 'Administration, angemeldet (nur Sitzungs-Cookie).',
  'apiDocs.in.path': 'im Pfad',
  'apiDocs.in.query': 'in der Abfrage',
  'apiDocs.in.other': str`im Bereich ${0}`,
};
