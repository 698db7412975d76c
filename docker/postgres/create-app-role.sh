#!/bin/sh
# Run once by the postgres image when it initialises an empty volume (docker-entrypoint-initdb.d):
# creates tandem_app, the role Tandem connects as, owning nothing. The owner of the tables is
# POSTGRES_USER; `tandem migrate` connects as it (MIGRATION_DATABASE_URL) and grants tandem_app
# what the app needs, which does not include dropping the audit log's append-only trigger.
# docs/operators/security.md, "Two database roles".
set -eu
password="${TANDEM_APP_PASSWORD:-}"
if [ -n "${TANDEM_APP_PASSWORD_FILE:-}" ]; then password="$(cat "$TANDEM_APP_PASSWORD_FILE")"; fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=password="$password" <<'SQL'
CREATE ROLE tandem_app LOGIN PASSWORD :'password';
SQL
