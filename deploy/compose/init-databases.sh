#!/bin/sh
# Creates one database (and user of the same name and password) per service, as deploy/local does.
set -e
for db in pupil consent opp support team reporting gateway; do
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -c "create role $db login password '$db'" -c "create database $db owner $db"
done
