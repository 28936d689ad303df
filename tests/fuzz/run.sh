#!/bin/sh
# tests/fuzz/run.sh [SECONDS] — build the libFuzzer harnesses under ASan +
# UBSan + LSan, replay every saved crash (regressions), then fuzz each for
# SECONDS (default 60):
#   tests/fuzz/fuzz_sheet.c (loader + validation + layout + PDF render), from
#     tests/fuzz/corpus/, regressions in tests/fuzz/crashes/;
#   tests/fuzz/fuzz_csv.c (the CSV reader of import), from
#     tests/fuzz/corpus-csv/, regressions in tests/fuzz/crashes-csv/.
# SECONDS 0: build and replay the regressions only.
#
# Run from the top of the source tree (make fuzz does). Needs clang 14 and its
# fuzzer runtime (Debian: clang-14, libclang-rt-14-dev), plus the build
# dependencies (libcairo2-dev libpango1.0-dev libfontconfig-dev libjansson-dev
# pkg-config fonts-noto-cjk).
#
# Output, all in out/fuzz/ (out/fuzz/csv/ for the CSV harness): the harness,
# corpus/ (a working copy of the seed corpus that grows as libFuzzer finds new
# inputs; the committed corpus stays small), crash-*, leak-*, timeout-*, oom-*
# (what failed), fuzz.log.
# Prints libFuzzer's final "Done N runs in S second(s)" line and its last
# coverage line (cov: N ft: M), and how many inputs got how far.
#
# Exit status: 0 when no regression still fails and no new crash, leak,
# timeout or OOM was found; 1 otherwise; 2 when the harness cannot be built.
#
# Environment: CLANG (default clang), FACTSHEET_FONTS_CONF (default
# fonts/fonts.conf of this tree), FUZZ_JOBS (default 1: parallel fuzzing
# processes, libFuzzer -fork), FUZZ_ARGS (more libFuzzer options).
set -u
seconds=${1:-60}
case $seconds in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
root=$(pwd)
[ -f "$root/tests/fuzz/fuzz_sheet.c" ] || { echo "run.sh: run from the source tree's top" >&2; exit 2; }

CLANG=${CLANG:-clang}
PKGS="cairo pangocairo pangoft2 fontconfig jansson libqpdf libzip libxml-2.0 harfbuzz-subset"

command -v "$CLANG" >/dev/null 2>&1 || { echo "run.sh: $CLANG not found (apt-get install clang-14)" >&2; exit 2; }
cflags=$(pkg-config --cflags $PKGS) || exit 2
libs=$(pkg-config --libs $PKGS) || exit 2

export FACTSHEET_FONTS_CONF=${FACTSHEET_FONTS_CONF:-$root/fonts/fonts.conf}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1}
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export FUZZ_SHEET_STATS=1 # the harness's "N inputs, N loaded, N laid out, N rendered" at exit
# render_doc fsyncs every PDF it writes: keep the harness's temporary
# directory on tmpfs when there is one.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi

# The archive pass embeds the sRGB profile, as the Makefile makes it.
mkdir -p out/fuzz/gen
icc=$(sh tools/find-srgb.sh) || exit 2
od -An -v -tx1 "$icc" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' >out/fuzz/gen/srgb_icc.inc || exit 2
sh tools/ofd-sonames.sh >out/fuzz/gen/ofd_sonames.h || exit 2

# trace <LOG: the sanitizer's report without libFuzzer's and libc's frames.
trace() {
    grep -E 'ERROR|SUMMARY|runtime error|^ +#[0-9]+ |^Direct leak|^Indirect leak|allocated by|freed by|previously allocated' |
        grep -vE 'fuzzer::|libc_start|in _start |in main \(' | head -40 | sed 's/^/        /'
}

# harness NAME CORPUS CRASHES DICT: build, replay, fuzz one harness; sets status=1 on failure.
harness() {
name=$1
corpus=$2
crashes=$3
dict=$4
OUT=out/fuzz
[ "$name" = fuzz_sheet ] || OUT=out/fuzz/csv
BIN=$OUT/$name
mkdir -p "$OUT/corpus"
echo "CC      $BIN"
# shellcheck disable=SC2086
if ! "$CLANG" -g -O1 -fno-omit-frame-pointer \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        -std=c11 -D_GNU_SOURCE -Iinclude -Isrc/layout -Isrc/model -Iout/fuzz/gen $cflags \
        "tests/fuzz/$name.c" src/*/*.c $libs -lm -o "$BIN.tmp"; then
    echo "run.sh: cannot build the harness (for the fuzzer runtime:" \
        "apt-get install -y libclang-rt-14-dev)" >&2
    rm -f "$BIN.tmp"
    exit 2
fi
mv "$BIN.tmp" "$BIN"

# ---- regressions: every saved crash must now pass --------------------------
for f in "$crashes"/*; do
    [ -f "$f" ] || continue
    case $f in *.md | *.txt) continue ;; esac
    if "$BIN" -runs=1 -timeout=10 -rss_limit_mb=2048 "$f" >"$OUT/regression.log" 2>&1; then
        echo "ok      regression $(basename "$f")"
    else
        echo "FAIL    regression $(basename "$f") still fails:"
        trace <"$OUT/regression.log"
        status=1
    fi
done

[ "$seconds" -eq 0 ] && return 0

# ---- fuzz -----------------------------------------------------------------
cp -p "$corpus"/* "$OUT/corpus/" 2>/dev/null
jobs=${FUZZ_JOBS:-1}
fork=""
[ "$jobs" -gt 1 ] 2>/dev/null && fork="-fork=$jobs -ignore_crashes=0"
echo "FUZZ    $name ${seconds}s, corpus $OUT/corpus ($(ls "$OUT/corpus" | wc -l) inputs), log $OUT/fuzz.log"
rm -f "$OUT"/crash-* "$OUT"/leak-* "$OUT"/timeout-* "$OUT"/oom-* 2>/dev/null
# shellcheck disable=SC2086
"$BIN" -max_total_time="$seconds" $dict -max_len=65536 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$OUT/" \
    $fork ${FUZZ_ARGS:-} "$OUT/corpus" >"$OUT/fuzz.log" 2>&1
rc=$?

grep -E '^#[0-9]+.*cov: ' "$OUT/fuzz.log" | tail -1
grep -E '^stat::|^fuzz_sheet: ' "$OUT/fuzz.log"
done_line=$(grep -E '^Done [0-9]+ runs' "$OUT/fuzz.log" | tail -1)
if [ -n "$done_line" ]; then
    echo "$done_line"
    runs=$(echo "$done_line" | sed -E 's/^Done ([0-9]+) runs in ([0-9]+) .*/\1/')
    secs=$(echo "$done_line" | sed -E 's/^Done ([0-9]+) runs in ([0-9]+) .*/\2/')
    [ "$secs" -gt 0 ] 2>/dev/null && echo "$((runs / secs)) exec/s"
fi
found=$(ls "$OUT"/crash-* "$OUT"/leak-* "$OUT"/timeout-* "$OUT"/oom-* 2>/dev/null)
if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
    echo "FAIL    libFuzzer exited $rc; see $OUT/fuzz.log"
    trace <"$OUT/fuzz.log"
    [ -n "$found" ] && echo "$found" | sed 's/^/        /'
    status=1
    # After ~1000 inputs that allocate more than they free (Pango's and
    # fontconfig's caches, cairo 1.16's PDF leak) libFuzzer stops checking
    # each input for leaks; LeakSanitizer then only checks at exit, and the
    # crash-* it writes is the empty input, not the culprit. Replay the
    # corpus, each input checked, to name the leaking input when it is there.
    if grep -q 'LeakSanitizer: detected memory leaks' "$OUT/fuzz.log" &&
        ! ls "$OUT"/leak-* >/dev/null 2>&1; then
        echo "        leak found at exit, input unknown: replaying $OUT/corpus ($OUT/leakhunt.log)"
        "$BIN" -runs=0 -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$OUT/" \
            "$OUT/corpus" >"$OUT/leakhunt.log" 2>&1
        if ls "$OUT"/leak-* >/dev/null 2>&1; then
            ls "$OUT"/leak-* | sed 's/^/        /'
        else
            echo "        not reproduced from the corpus (the leaking input added no coverage); fuzz again, shorter"
        fi
    fi
fi
}

status=0
harness fuzz_sheet tests/fuzz/corpus tests/fuzz/crashes -dict=tests/fuzz/json.dict
harness fuzz_csv tests/fuzz/corpus-csv tests/fuzz/crashes-csv ""
exit $status
