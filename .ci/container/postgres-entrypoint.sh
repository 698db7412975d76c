#!/bin/sh
# The entry point of the local postgres:17 image that .ci/container-path makes from Debian's
# postgresql-17 (no registry is reachable in CI). It does the part of the official image's
# docker-entrypoint.sh that docker/compose*.yaml rely on: on an empty PGDATA, initdb with
# POSTGRES_USER and POSTGRES_PASSWORD(_FILE), create POSTGRES_DB, run the scripts in
# /docker-entrypoint-initdb.d on a server listening on the Unix socket only; then PostgreSQL on
# every interface, password logins (scram-sha-256) from the network. UTF8, as the official
# image (its locale en_US.utf8; C.UTF-8 here, which needs no locales package).
set -eu
if [ "${1:-}" != postgres ]; then exec "$@"; fi
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD="$(cat "$POSTGRES_PASSWORD_FILE")"; fi
export POSTGRES_USER POSTGRES_DB
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE}" >"$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --auth-local=trust \
    --auth-host=scram-sha-256 -D "$PGDATA"
  rm -f "$pwfile"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start
  if [ "$POSTGRES_DB" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
      -c "CREATE DATABASE \"$POSTGRES_DB\""
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) sh "$script" ;;
      *.sql) psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -f "$script" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
