#!/usr/bin/env bash
# Issue 3's load figures: the annotation cycle (GET next, POST a submitted response) for 200
# concurrent annotators on a project of 100,000 records, and GET record/s, with Debian's wrk
# driving a real `quorum serve` on this machine (load generator included).
#   bench/load_test.sh [--records N] [--annotators N] [--seconds S] [--db URL] [--servers K]
# --db: an empty database to run on (a SQLite path or postgres://...; default a SQLite file in a
# temporary directory). --servers K: K `quorum serve` processes on that one database, the
# annotators split evenly over them (one wrk each, run at once); the cycles/s are summed.
set -euo pipefail
cd "$(dirname "$0")/.."
records=100000 annotators=200 seconds=15 servers=1 db= pids=()
usage="usage: bench/load_test.sh [--records N] [--annotators N] [--seconds S] [--db URL] [--servers K]"
while (($#)); do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --annotators) annotators=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
Q=${QUORUM_BIN:-$PWD/build/quorum}  # QUORUM_BIN: another build of quorum
[[ -x $Q ]] || { echo "build first: make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/bootstrap installs it" >&2; exit 1; }

work=$(mktemp -d)
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT
export QUORUM_DB=${db:-$work/load.db}
$Q init --password owner-password >/dev/null
$Q project create --name load --template pairwise-preference >/dev/null
# Overlap 10: each record takes ten annotators, so the 200 spread over the first records the
# way a real team does (the engine holds a place for each reservation).
$Q project settings 1 --set '{"overlap": 10}' >/dev/null
awk -v n="$records" 'BEGIN { for (i = 1; i <= n; i++)
  printf "{\"id\":\"r%d\",\"prompt\":\"Question %d: explain the trade-offs of approach %d in a few sentences.\",\"response_a\":\"A first answer that is reasonably long, with some detail about item %d and why it matters.\",\"response_b\":\"A second answer, shorter, about %d.\",\"model_a\":\"m1\",\"model_b\":\"m2\"}\n", i, i, i, i, i }' \
  > "$work/records.jsonl"
$Q import --project 1 "$work/records.jsonl"
# Annotator accounts come in through one imported record of a side project, with drafts.
$Q project create --name accounts --template pairwise-preference >/dev/null
{
  printf '{"prompt":"accounts","response_a":"a","response_b":"b","responses":['
  for ((i = 1; i <= annotators; i++)); do
    ((i > 1)) && printf ','
    printf '{"user":"annotator%d@load.test","values":{},"status":"draft"}' "$i"
  done
  printf ']}\n'
} > "$work/accounts.jsonl"
$Q import --project 2 "$work/accounts.jsonl" --create-users >/dev/null
tokens=$work/tokens
for ((i = 1; i <= annotators; i++)); do $Q token create --email "annotator$i@load.test" 2>/dev/null; done > "$tokens"
reviewer_token=$($Q token create --email admin@localhost 2>/dev/null)

for ((k = 0; k < servers; k++)); do
  $Q serve --port $((18080 + k)) > /dev/null 2> "$work/serve-$k.log" &
  pids+=($!)
  for _ in $(seq 100); do curl -sf localhost:$((18080 + k))/healthz >/dev/null 2>&1 && break; sleep 0.1; done
done

echo "== annotation cycle: $annotators annotators on $servers server(s), $records records, ${seconds}s"
per_server=$((annotators / servers))
loads=()
for ((k = 0; k < servers; k++)); do
  sed -n "$((k * per_server + 1)),$(((k + 1) * per_server))p" "$tokens" > "$tokens-$k"
  TOKENS=$tokens-$k PROJECT=1 wrk -t "$per_server" -c "$per_server" -d "${seconds}s" --latency \
    -s bench/load/annotation_cycle.lua http://127.0.0.1:$((18080 + k)) > "$work/wrk-$k.out" &
  loads+=($!)
done
wait "${loads[@]}"
for ((k = 0; k < servers; k++)); do
  if ((servers > 1)); then echo "server $((k + 1)):"; fi
  grep -E '^(cycles|requests|an other answer):' "$work/wrk-$k.out"
done
if ((servers > 1)); then
  awk '/^cycles:/ { for (i = 1; i <= NF; i++) if ($(i + 1) == "cycles/s") total += $i }
       END { printf "cycles: %.0f cycles/s in total\n", total }' "$work"/wrk-*.out
fi
echo "== GET record: 200 connections, ${seconds}s"
TOKEN=$reviewer_token RECORDS=$records wrk -t 2 -c 200 -d "${seconds}s" -s bench/load/get_record.lua \
  http://127.0.0.1:18080 | grep -E '^GET record'
