#!/usr/bin/env bash
# Quorum's two commands.
#   ./quorum.sh         install what is missing, build, and serve Quorum with a demo project
#   ./quorum.sh test    run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-run}" in
  run)
    scripts/bootstrap
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j"$(nproc)" --target quorum
    export QUORUM_DB=${QUORUM_DB:-./quorum.db}  # a file path, or postgres://user:pass@host:port/dbname
    # `init` refuses a database that already has users, which tells a first run from a later one
    # on SQLite and PostgreSQL alike.
    if init_output=$(./build/quorum init 2>&1); then
      echo "$init_output"
      ./build/quorum demo
    elif [[ "$init_output" != *"already initialized"* ]]; then
      echo "$init_output" >&2
      exit 1
    fi
    ./build/quorum project list
    echo
    exec ./build/quorum serve --host "${QUORUM_HOST:-127.0.0.1}" --port "${QUORUM_PORT:-8080}"
    ;;
  test)
    exec scripts/test
    ;;
  *)
    echo "usage: ./quorum.sh [run|test]" >&2
    exit 2
    ;;
esac
