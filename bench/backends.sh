#!/usr/bin/env bash
# SQLite and PostgreSQL side by side (issue 9): the import/export benchmark and the
# annotation-cycle load test on each backend, and the load test on PostgreSQL with one and with
# two servers, over TCP, and with one server over PostgreSQL's Unix socket (how a server on the
# database's machine connects). PostgreSQL runs in a throwaway `--durable` cluster (fsync and
# synchronous commit on, as SQLite's synchronous=FULL), stopped at the end.
#   bench/backends.sh [--records N] [--load-records N] [--annotators N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
records=200000 load_records=100000 annotators=200 seconds=15
while (($#)); do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --load-records) load_records=$2; shift 2 ;;
    --annotators) annotators=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: bench/backends.sh [--records N] [--load-records N] [--annotators N] [--seconds S]" >&2; exit 2 ;;
  esac
done
bench=build/bench/bench_import_export fresh=build/tests/quorum_test_database
for program in "$bench" "$fresh" build/quorum; do
  [[ -x $program ]] || { echo "build first: $program is missing" >&2; exit 1; }
done

work=$(mktemp -d) cluster=$(mktemp -d)
trap 'scripts/pg_cluster stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work" "$cluster"' EXIT
pg=$(scripts/pg_cluster start "$cluster" --durable)
echo "PostgreSQL: $pg (durable)"

# The figure after "= " on the line starting with $2 in file $1 (records/s, cycles/s).
figure() { sed -n "s/^$2.*= \([0-9.]*\) \(records\|cycles\)\/s.*/\1/p" "$1" | head -1; }

echo "== import and export, $records records"
"$bench" --records "$records" --dir "$work" > "$work/io-sqlite.txt"
QUORUM_TEST_POSTGRES=$pg "$bench" --records "$records" --dir "$work" > "$work/io-pg.txt"

echo "== annotation cycle, $annotators annotators, $load_records records, ${seconds}s each"
load() {  # NAME DB SERVERS
  bench/load_test.sh --records "$load_records" --annotators "$annotators" --seconds "$seconds" \
    --db "$2" --servers "$3" > "$work/load-$1.txt"
}
load sqlite "$work/load.db" 1
load pg1 "$(QUORUM_TEST_POSTGRES=$pg "$fresh" "$work")" 1
load pg2 "$(QUORUM_TEST_POSTGRES=$pg "$fresh" "$work")" 2
# The same database URL with the cluster's socket directory (percent-encoded) for its host.
via_socket() { sed "s|@127\.0\.0\.1:|@${cluster//\//%2F}:|" <<<"$1"; }
load pg1-socket "$(via_socket "$(QUORUM_TEST_POSTGRES=$pg "$fresh" "$work")")" 1

total_cycles() { grep -q "in total" "$1" && sed -n 's/^cycles: \([0-9]*\) cycles\/s in total/\1/p' "$1" || figure "$1" cycles; }
printf '\n%-44s %14s %14s\n' "" "SQLite" "PostgreSQL"
printf '%-44s %14s %14s\n' "import (records/s)" "$(figure "$work/io-sqlite.txt" import)" "$(figure "$work/io-pg.txt" import)"
printf '%-44s %14s %14s\n' "export (records/s)" "$(figure "$work/io-sqlite.txt" export)" "$(figure "$work/io-pg.txt" export)"
printf '%-44s %14s %14s\n' "annotation cycle, one server (cycles/s)" "$(total_cycles "$work/load-sqlite.txt")" "$(total_cycles "$work/load-pg1.txt")"
printf '%-44s %14s %14s\n' "annotation cycle, two servers (cycles/s)" "" "$(total_cycles "$work/load-pg2.txt")"
printf '%-44s %14s %14s\n' "annotation cycle, one server, socket" "" "$(total_cycles "$work/load-pg1-socket.txt")"
echo
for file in io-sqlite io-pg load-sqlite load-pg1 load-pg2 load-pg1-socket; do
  echo "-- $file"
  cat "$work/$file.txt"
done
