#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on loopback (idempotent) and sets PG_TEST_URL to a
# throw-away role and database for the tests. Source it: `source scripts/start-postgres.sh`.
ver=$(pg_lsclusters -h | awk 'NR==1{print $1}')
name=$(pg_lsclusters -h | awk 'NR==1{print $2}')
if [ -z "$ver" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  name=main
  pg_createcluster "$ver" "$name" >/dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $3}')
pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
su postgres -c "psql -p $port -tAc \"select 1 from pg_roles where rolname='pos_test'\"" | grep -q 1 ||
  su postgres -c "psql -p $port -c \"create role pos_test login superuser password 'pos_test'\"" >/dev/null
su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname='pos_test'\"" | grep -q 1 ||
  su postgres -c "psql -p $port -c 'create database pos_test owner pos_test'" >/dev/null
PG_TEST_URL="postgres://pos_test:pos_test@127.0.0.1:$port/pos_test"
echo "PostgreSQL $ver/$name ready on 127.0.0.1:$port"
