#!/bin/sh
# Creates one database and one user of the same name per service, as deploy/local does, each user with its
# password from PASSEND_DB_PASSWORDS ("pupil=... consent=..."; docker-compose.yml fills it from .env).
set -e
for pair in $PASSEND_DB_PASSWORDS; do
  db=${pair%%=*}
  password=${pair#*=}
  [ -n "$password" ] || { echo "no password for database $db" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -v db="$db" -v password="$password" \
    -c "create role :\"db\" login password :'password'" -c "create database :\"db\" owner :\"db\""
done
