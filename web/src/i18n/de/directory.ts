/** German for what the directory sync shows admins (the audit log's event). */
export const templates = {
  'auditEvent.directorySynced': 'Personen aus dem Verzeichnis abgeglichen',
};
