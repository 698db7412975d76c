/** German texts about SCIM provisioning: the token scope, the audit log's SCIM events. */
export const templates = {
  'apiTokens.scope.scim':
    'SCIM-Bereitstellung: das geheime Token für Ihren Identitätsanbieter (Entra ID, Keycloak); öffnet nur /scim/v2',
  'auditEvent.scimUserCreated': 'Person per SCIM angelegt',
  'auditEvent.scimUserAdopted': 'Person in die SCIM-Bereitstellung übernommen',
  'auditEvent.scimUserChanged': 'Person per SCIM geändert',
  'auditEvent.scimUserDeleted': 'Person per SCIM entfernt',
  'auditEvent.scimGroupCreated': 'Gruppe per SCIM angelegt',
  'auditEvent.scimGroupUpdated': 'Gruppe per SCIM geändert',
  'auditEvent.scimGroupDeleted': 'Gruppe per SCIM entfernt',
};
