#!/usr/bin/env bash
# Quorum's two commands.
#   ./quorum.sh         install what is missing, build, and run Quorum with a demo project
#   ./quorum.sh test    run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-run}" in
  run)
    scripts/bootstrap
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j"$(nproc)" --target quorum
    export QUORUM_DB=${QUORUM_DB:-./quorum.db}
    if [[ ! -f "$QUORUM_DB" ]]; then
      ./build/quorum init
      ./build/quorum demo
    fi
    ./build/quorum project list
    echo
    echo "Next: ./build/quorum --help"
    ;;
  test)
    exec scripts/test
    ;;
  *)
    echo "usage: ./quorum.sh [run|test]" >&2
    exit 2
    ;;
esac
