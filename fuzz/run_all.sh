#!/usr/bin/env bash
# Runs every fuzz target in turn (one at a time: one core), each for
# ${SECS:-300} seconds, on the stable toolchain. Logs go to ${LOGS:-logs}/.
# Usage: fuzz/run_all.sh [TARGET...]
set -u
cd "$(dirname "$0")"
SECS=${SECS:-300}
LOGS=${LOGS:-logs}
mkdir -p "$LOGS"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tokenise dateline pattern jsonl feed html kb check)
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t ($SECS s)"
    CARGO_BUILD_JOBS=1 RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- \
        -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$LOGS/$t.log" 2>&1
    echo "   exit $? — $(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$LOGS/$t.log" | tail -1)"
done
