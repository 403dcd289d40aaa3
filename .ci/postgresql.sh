# Sourced by .ci/run: installs PostgreSQL from Debian, starts a cluster and exports OSO_TEST_POSTGRES_URL, so that the
# store's tests run against a real server as well as PGlite. Any failure returns non-zero: CI must then fail, never
# quietly skip the PostgreSQL tests.
start_postgresql() {
  export DEBIAN_FRONTEND=noninteractive
  if ! { ls /usr/lib/postgresql/*/bin/postgres && command -v pg_ctlcluster; } >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null || { echo "PostgreSQL: apt-get install postgresql failed"; return 1; }
  fi
  local versie
  versie=$(ls /usr/lib/postgresql | sort -V | tail -1)
  # The package creates cluster "main"; a base image without it (or with its configuration removed) gets one here.
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$versie main"; then
    pg_createcluster "$versie" main >/dev/null || { echo "PostgreSQL: pg_createcluster $versie main failed"; return 1; }
  fi
  if ! pg_ctlcluster "$versie" main status >/dev/null 2>&1; then
    pg_ctlcluster "$versie" main start || { echo "PostgreSQL: pg_ctlcluster $versie main start failed"; return 1; }
  fi
  local poort
  poort=$(pg_lsclusters -h | awk -v v="$versie" '$1 == v && $2 == "main" {print $3}')
  # A role that may create databases: each test makes a fresh one and drops it.
  su postgres -c "psql -q -p $poort -v ON_ERROR_STOP=1" <<'SQL' || { echo "PostgreSQL: creating the test role failed"; return 1; }
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oso_test') THEN CREATE ROLE oso_test LOGIN PASSWORD 'oso_test' CREATEDB; END IF;
END $$;
SELECT 'CREATE DATABASE oso_test OWNER oso_test' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'oso_test') \gexec
SQL
  export OSO_TEST_POSTGRES_URL="postgres://oso_test:oso_test@127.0.0.1:$poort/oso_test"
  export OSO_TEST_POSTGRES_REQUIRED=1
  echo "PostgreSQL $versie for the store's tests: postgres://oso_test:***@127.0.0.1:$poort/oso_test"
}
