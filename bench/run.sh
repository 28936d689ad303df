#!/bin/sh
# shellcheck disable=SC2317  # functions run through timeit, peak_rss: not unreachable
#
# bench/run.sh — how fast and how small factsheet is; run by `make bench`.
#
#   sh bench/run.sh                    BIN=path/to/factsheet sh bench/run.sh
#
# Measures and prints a table; it never fails because a target is missed (the
# summary at the end says "met" or "NOT met" for each). Exit status 1 only
# when a measured command itself failed, or the comparator cannot be built.
#
#   instructions        callgrind's count (valgrind --tool=callgrind) of the
#                       2025 sheet, of the bundled batch (so: of each further
#                       sheet), of the floor and of the comparator: the
#                       stable figure on a shared machine, where wall times
#                       move by a third from run to run
#   cold single sheet   median wall time of 11 new processes rendering
#                       data/2025.json; of the floor (bench/floor.c: starts,
#                       loads our fonts, writes an empty PDF: the least any
#                       sheet costs) and of the comparator (bench/comparator.c:
#                       title and text paragraphs only, plain Cairo + Pango,
#                       the system's fonts: a slow comparator, not a bound);
#                       one untimed run of each first, so "cold" means a new
#                       process with a warm page cache
#   bundled batch       all data/*.json in one process (median of 5): wall,
#                       sheets/s, ms per sheet beyond the first, ms per page
#   generated batch     1000 county sheets from tools/gen_counties.py, made
#                       once into out/bench/counties: one sheet alone (the
#                       program reads every sibling file as another year),
#                       the first 100 in one process, all 1000 in one process
#                       and in two processes on the two halves in parallel
#   peak RSS, CPU time  /usr/bin/time -f "%M %U %S" (or Python's getrusage)
#   writers             the bundled batch with --check (layout only), as PDF
#                       and as OFD: each writer's ms per sheet
#   archive pass        per bundled sheet, CPU time, median of 21: cairo's drawing into
#                       memory and the pass over its bytes (out/bench/archive_pass,
#                       bench/archive_pass.c), bytes before and after; the
#                       pass's instructions on 2025 under callgrind (about
#                       30 s; BENCH_CALLGRIND=0 skips it)
#   PDF bytes           of the 2025 sheet, a county sheet, the floor and the
#                       comparator
#   other load          CPU used by other processes meanwhile (/proc/stat less
#                       our own `times`), for the whole run and beside each
#                       timed figure: on a busy machine wall times inflate
#
# Runs in the project root (relative paths are taken from there).
# Environment: BIN (default bin/factsheet); COMPARATOR (default
# $BENCH_OUT/comparator, built from bench/comparator.c when missing or older);
# FLOOR (default out/bench/floor, built by make bench or else by this
# script through make); FONTS (fonts/fonts.conf);
# BENCH_OUT (default out/bench); BENCH_RUNS (11); BENCH_COUNT (1000);
# BENCH_CALLGRIND (1; 0 skips the instruction counts); PY (/usr/bin/python3);
# CC (cc). Takes about 30-40 s on two idle cores, and a minute more under
# callgrind.

set -u
cd "$(dirname "$0")/.." || exit 1     # the project root: paths below are relative to it
BIN=${BIN:-bin/factsheet}
OUT=${BENCH_OUT:-out/bench}
COMPARATOR=${COMPARATOR:-$OUT/comparator}
FLOOR=${FLOOR:-out/bench/floor}
FONTS=${FONTS:-fonts/fonts.conf}
CALLGRIND=${BENCH_CALLGRIND:-1}
RUNS=${BENCH_RUNS:-11}
COUNT=${BENCH_COUNT:-1000}
PY=${PY:-/usr/bin/python3}
CC=${CC:-cc}
SMALL=$((COUNT / 10))                 # the linearity check: a tenth, then all
[ "$SMALL" -ge 1 ] || SMALL=1
failed=0

cpu_busy() { # busy CPU seconds of the whole machine since boot, or 0
    awk -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" \
        '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz; f = 1 } END { if (!f) print 0 }' \
        /proc/stat 2>/dev/null || echo 0
}
bench_t0=$(date +%s.%N)
busy0=$(cpu_busy)

# load_mark, then load_note after a timed section: "load L" = CPUs that other
# processes kept busy meanwhile, on average (0 on an idle machine).
load_mark() {
    _lb0=$(cpu_busy); _lt0=$(date +%s.%N)
    times >"$LOG/times.0"
}
load_note() {
    _lb1=$(cpu_busy); _lt1=$(date +%s.%N)
    times >"$LOG/times.1"
    awk -v b0="$_lb0" -v b1="$_lb1" -v t0="$_lt0" -v t1="$_lt1" '
        FNR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } o[++n] = s }
        END { d = t1 - t0; x = (d > 0) ? (b1 - b0 - (o[2] - o[1])) / d : 0; if (x < 0) x = 0; printf "load %.2f", x }' \
        "$LOG/times.0" "$LOG/times.1"
}

mkdir -p "$OUT/logs" || exit 1
LOG=$OUT/logs

if [ ! -x "$BIN" ]; then
    echo "bench: no $BIN; build it first (make build)" >&2
    exit 1
fi

# ---- helpers ---------------------------------------------------------------

# timeit FILE CMD...: runs CMD (output to the caller's redirections), appends
# its wall time in seconds to FILE; returns CMD's exit status.
# (POSIX sh has no local variables: each helper has its own prefix.)
timeit() {
    _tf=$1; shift
    _t0=$(date +%s.%N)
    "$@"
    _trc=$?
    _t1=$(date +%s.%N)
    echo "$_t0 $_t1" | awk '{ printf "%.6f\n", $2 - $1 }' >>"$_tf"
    return $_trc
}

median() { # median of the numbers in FILE
    sort -n "$1" | awk '{ a[NR] = $1 } END {
        if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2];
        else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

calc() { # calc 'awk expression' → its value, or nan (a figure missing, a zero divisor)
    case $1 in *nan*) echo nan; return ;; esac
    awk "BEGIN { print $1 }" 2>/dev/null || echo nan
}

# peak_rss FILE CMD...: runs CMD once, writes "peak-RSS-KiB user-s system-s" to FILE.
if [ -x /usr/bin/time ]; then
    peak_rss() { _rf=$1; shift; /usr/bin/time -f "%M %U %S" -o "$_rf" "$@"; }
elif [ -x "$PY" ]; then
    peak_rss() {
        _rf=$1; shift
        "$PY" -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%d %.2f %.2f\n" % (ru.ru_maxrss, ru.ru_utime, ru.ru_stime))
sys.exit(rc)' "$_rf" "$@"
    }
else
    peak_rss() { _rf=$1; shift; echo "nan nan nan" >"$_rf"; "$@"; }
fi

pages() { # pages PDF...: total page count by pdfinfo, or nan
    command -v pdfinfo >/dev/null 2>&1 || { echo nan; return; }
    _n=0
    for _p in "$@"; do
        _k=$(pdfinfo "$_p" 2>/dev/null | awk '/^Pages:/ { print $2 }')
        _n=$((_n + ${_k:-0}))
    done
    if [ "$_n" -gt 0 ]; then echo "$_n"; else echo nan; fi
}

bytes() { wc -c <"$1" | tr -d ' '; }

fail() { # fail WHAT LOGFILE: reports a failed command
    echo "bench: $1 failed; see $2" >&2
    failed=1
}

row() { # row LABEL VALUE UNIT
    printf '  %-52s %12s %s\n' "$1" "$2" "$3"
}

# ---- preparation -----------------------------------------------------------

newer() { [ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]; } # newer A B: A is newer than B

if [ ! -x "$COMPARATOR" ] || newer bench/comparator.c "$COMPARATOR"; then
    echo "CC      bench/comparator.c -> $COMPARATOR"
    # shellcheck disable=SC2046
    $CC -O2 -std=c11 bench/comparator.c $(pkg-config --cflags --libs pangocairo jansson) \
        -o "$COMPARATOR" || { echo "bench: cannot build $COMPARATOR" >&2; exit 1; }
fi
if [ ! -x "$FLOOR" ]; then # linked from the program's objects: make knows how
    ${MAKE:-make} -s "$FLOOR" >"$LOG/floor-build.log" 2>&1 ||
        { echo "bench: cannot build $FLOOR (make bench builds it); see $LOG/floor-build.log" >&2; exit 1; }
fi

COUNTIES=$OUT/counties
STAMP=$COUNTIES/.generated-$COUNT
if [ ! -f "$STAMP" ] || newer tools/gen_counties.py "$STAMP"; then
    rm -rf "$COUNTIES"
    gen_t=$LOG/gen.t; : >"$gen_t"
    timeit "$gen_t" "$PY" tools/gen_counties.py --count "$COUNT" --out "$COUNTIES" >"$LOG/gen.log" 2>&1 \
        || { fail "tools/gen_counties.py" "$LOG/gen.log"; exit 1; }
    touch "$STAMP"
    echo "GEN     $COUNT county sheets -> $COUNTIES ($(median "$gen_t") s)"
fi
find "$COUNTIES" -maxdepth 1 -name '[0-9][0-9][0-9][0-9].json' | sort >"$LOG/all.list"
half=$(( (COUNT + 1) / 2 ))
sed -n "1,${half}p" "$LOG/all.list" >"$LOG/half1.list"
sed -n "$((half + 1)),\$p" "$LOG/all.list" >"$LOG/half2.list"
sed -n "1,${SMALL}p" "$LOG/all.list" >"$LOG/small.list"

# One factsheet process over the files listed in a file; a command line of
# its own (not a shell function) so that /usr/bin/time can run it.
# shellcheck disable=SC2016
BATCH='b=$1 o=$2 l=$3; set -- $(cat "$l"); exec "$b" -o "$o" "$@"'
run_list() { # run_list LIST OUTDIR LOG
    sh -c "$BATCH" sh "$BIN" "$2" "$1" >"$3" 2>&1
}

# ---- 1. cold single sheet ----------------------------------------------------

S=$OUT/single; rm -rf "$S"; mkdir -p "$S"
"$BIN" -o "$S/2025.pdf" data/2025.json >"$LOG/single.log" 2>&1 || fail "$BIN data/2025.json" "$LOG/single.log"
"$COMPARATOR" data/2025.json "$OUT/comparator.pdf" >"$LOG/comparator.log" 2>&1 || fail "$COMPARATOR" "$LOG/comparator.log"
"$FLOOR" "$FONTS" "$OUT/floor.pdf" >"$LOG/floor.log" 2>&1 || fail "$FLOOR" "$LOG/floor.log"
: >"$LOG/single.t"; : >"$LOG/comparator.t"; : >"$LOG/floor.t"
load_mark
i=0
while [ $i -lt "$RUNS" ]; do
    timeit "$LOG/single.t" "$BIN" -o "$S/2025.pdf" data/2025.json >>"$LOG/single.log" 2>&1 \
        || fail "$BIN data/2025.json" "$LOG/single.log"
    timeit "$LOG/comparator.t" "$COMPARATOR" data/2025.json "$OUT/comparator.pdf" >>"$LOG/comparator.log" 2>&1 \
        || fail "$COMPARATOR" "$LOG/comparator.log"
    timeit "$LOG/floor.t" "$FLOOR" "$FONTS" "$OUT/floor.pdf" >>"$LOG/floor.log" 2>&1 \
        || fail "$FLOOR" "$LOG/floor.log"
    i=$((i + 1))
done
load_single=$(load_note)
t_single=$(median "$LOG/single.t")
t_base=$(median "$LOG/comparator.t")
t_floor=$(median "$LOG/floor.t")
min_single=$(sort -n "$LOG/single.t" | head -n 1)
max_single=$(sort -n "$LOG/single.t" | tail -n 1)
peak_rss "$LOG/single.rss" "$BIN" -o "$S/2025.pdf" data/2025.json >>"$LOG/single.log" 2>&1 \
    || fail "$BIN data/2025.json" "$LOG/single.log"
peak_rss "$LOG/comparator.rss" "$COMPARATOR" data/2025.json "$OUT/comparator.pdf" >>"$LOG/comparator.log" 2>&1 \
    || fail "$COMPARATOR" "$LOG/comparator.log"
peak_rss "$LOG/floor.rss" "$FLOOR" "$FONTS" "$OUT/floor.pdf" >>"$LOG/floor.log" 2>&1 \
    || fail "$FLOOR" "$LOG/floor.log"
rss_floor=$(tail -n 1 "$LOG/floor.rss" | awk '{ print $1 }')
rss_single=$(tail -n 1 "$LOG/single.rss" | awk '{ print $1 }')
cpu_single=$(tail -n 1 "$LOG/single.rss" | awk '{ print ($2 == "nan") ? "nan" : $2 + $3 }')
rss_base=$(tail -n 1 "$LOG/comparator.rss" | awk '{ print $1 }')
cpu_base=$(tail -n 1 "$LOG/comparator.rss" | awk '{ print ($2 == "nan") ? "nan" : $2 + $3 }')
pages_single=$(pages "$S/2025.pdf")
bytes_single=$(bytes "$S/2025.pdf")
bytes_base=$(bytes "$OUT/comparator.pdf")
bytes_floor=$(bytes "$OUT/floor.pdf")

# ---- 2. the bundled data in one process ---------------------------------------

B=$OUT/bundled; : >"$LOG/bundled.t"
set -- data/*.json
n_bundled=$#
load_mark
for i in 1 2 3 4 5; do
    rm -rf "$B"; mkdir -p "$B"
    timeit "$LOG/bundled.t" "$BIN" -o "$B" "$@" >"$LOG/bundled.log" 2>&1 || fail "$BIN -o $B data/*.json" "$LOG/bundled.log"
done
load_bundled=$(load_note)
t_bundled=$(median "$LOG/bundled.t")
pages_bundled=$(pages "$B"/*.pdf)

# ---- 2b. the OFD writer: the same batch as OFD, and laid out only -------------
# Its cost per sheet is (ofd - check) / n: --check loads and lays out every
# sheet and writes nothing, so the difference is the writing alone.

O=$OUT/bundled-ofd; : >"$LOG/ofd.t"; : >"$LOG/check.t"
for i in 1 2 3 4 5; do
    rm -rf "$O"; mkdir -p "$O"
    timeit "$LOG/ofd.t" "$BIN" --format ofd -o "$O" "$@" >"$LOG/ofd.log" 2>&1 || fail "$BIN --format ofd -o $O data/*.json" "$LOG/ofd.log"
    timeit "$LOG/check.t" "$BIN" --check "$@" >"$LOG/check.log" 2>&1 || fail "$BIN --check data/*.json" "$LOG/check.log"
done
t_ofd=$(median "$LOG/ofd.t")
t_check=$(median "$LOG/check.t")
bytes_ofd=$(bytes "$O/2025.ofd")

# ---- 3. generated county sheets ----------------------------------------------

G=$OUT/counties-pdf
load_mark
rm -rf "$G"; mkdir -p "$G"; : >"$LOG/one.t"
timeit "$LOG/one.t" "$BIN" -o "$G/0001.pdf" "$COUNTIES/0001.json" >"$LOG/one.log" 2>&1 \
    || fail "$BIN $COUNTIES/0001.json" "$LOG/one.log"
timeit "$LOG/one.t" "$BIN" -o "$G/0001.pdf" "$COUNTIES/0001.json" >"$LOG/one.log" 2>&1 \
    || fail "$BIN $COUNTIES/0001.json" "$LOG/one.log"
timeit "$LOG/one.t" "$BIN" -o "$G/0001.pdf" "$COUNTIES/0001.json" >"$LOG/one.log" 2>&1 \
    || fail "$BIN $COUNTIES/0001.json" "$LOG/one.log"
t_one=$(median "$LOG/one.t")
pages_one=$(pages "$G/0001.pdf")
bytes_one=$(bytes "$G/0001.pdf")

rm -rf "$G"; mkdir -p "$G"; : >"$LOG/small.t"
timeit "$LOG/small.t" run_list "$LOG/small.list" "$G" "$LOG/small.log" || fail "$SMALL-sheet batch" "$LOG/small.log"
t_small=$(median "$LOG/small.t")

rm -rf "$G"; mkdir -p "$G"; : >"$LOG/all.t"
timeit "$LOG/all.t" peak_rss "$LOG/all.rss" sh -c "$BATCH" sh "$BIN" "$G" "$LOG/all.list" \
    >"$LOG/all.log" 2>&1 || fail "$COUNT-sheet batch" "$LOG/all.log"
t_all=$(median "$LOG/all.t")
rss_all=$(tail -n 1 "$LOG/all.rss" | awk '{ print $1 }')
cpu_all=$(tail -n 1 "$LOG/all.rss" | awk '{ print ($2 == "nan") ? "nan" : $2 + $3 }')

rm -rf "$G"; mkdir -p "$G"; : >"$LOG/two.t"
par() {
    run_list "$LOG/half1.list" "$G" "$LOG/half1.log" & p1=$!
    run_list "$LOG/half2.list" "$G" "$LOG/half2.log" & p2=$!
    wait "$p1"; r1=$?
    wait "$p2"; r2=$?
    [ "$r1" -eq 0 ] && [ "$r2" -eq 0 ]
}
timeit "$LOG/two.t" par || fail "$COUNT-sheet batch in 2 processes" "$LOG/half1.log, $LOG/half2.log"
t_two=$(median "$LOG/two.t")
n_pdfs=$(find "$G" -maxdepth 1 -name '*.pdf' | wc -l | tr -d ' ')
load_counties=$(load_note)

# ---- 4. instructions (callgrind) ---------------------------------------------

# irefs LOG CMD...: runs CMD under callgrind, prints its instruction count
# (every thread of the process), or nan.
irefs() {
    _il=$1; shift
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >"$_il" 2>&1 || { echo nan; return; }
    awk '/Collected :/ { print $NF; f = 1 } END { if (!f) print "nan" }' "$_il"
}
ir_single=nan; ir_bundled=nan; ir_floor=nan; ir_base=nan; ir_further=nan
if [ "$CALLGRIND" = 1 ] && command -v valgrind >/dev/null 2>&1; then
    ir_floor=$(irefs "$LOG/floor.cg" "$FLOOR" "$FONTS" "$OUT/floor.pdf")
    ir_single=$(irefs "$LOG/single.cg" "$BIN" -o "$S/2025.pdf" data/2025.json)
    ir_base=$(irefs "$LOG/comparator.cg" "$COMPARATOR" data/2025.json "$OUT/comparator.pdf")
    rm -rf "$B"; mkdir -p "$B"
    set -- data/*.json
    ir_bundled=$(irefs "$LOG/bundled.cg" "$BIN" -o "$B" "$@")
    ir_further=$(calc "($ir_bundled - $ir_single) / ($n_bundled - 1)")
    cg_note="valgrind --tool=callgrind"
elif [ "$CALLGRIND" = 1 ]; then
    cg_note="no valgrind (make deps-test installs it)"
else
    cg_note="skipped (BENCH_CALLGRIND=0)"
fi

# ---- 4. the archive pass -------------------------------------------------------

ARCH=${ARCHIVE_PASS:-$OUT/archive_pass}
: >"$LOG/archive.txt"
if [ -x "$ARCH" ]; then
    for json in data/*.json; do
        r=$("$ARCH" "$json" 21 2>>"$LOG/archive.log") || { fail "$ARCH $json" "$LOG/archive.log"; continue; }
        echo "$(basename "$json" .json) $r" >>"$LOG/archive.txt"
    done
    ir_pass=nan
    if [ "${BENCH_CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
        valgrind --tool=callgrind --toggle-collect=pdfpost_run --callgrind-out-file="$LOG/archive.cg" \
            "$ARCH" data/2025.json 1 >>"$LOG/archive.log" 2>&1 &&
            ir_pass=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$LOG/archive.cg")
    fi
else
    echo "bench: no $ARCH (make out/bench/archive_pass)" >>"$LOG/archive.log"
fi

# ---- report ------------------------------------------------------------------

f3() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.3f", x }'; }
f2() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.2f", x }'; }
f1() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.1f", x }'; }
f0() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.0f", x }'; }
mb() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.1f", x / 1024 }'; }
kb() { awk -v x="$1" 'BEGIN { printf "%.1f", x / 1024 }'; }

ms_further=$(calc "($t_bundled - $t_single) * 1000 / ($n_bundled - 1)")
more=$((COUNT - SMALL)); [ $more -gt 0 ] || more=1
ms_linear=$(calc "($t_all - $t_small) * 1000 / $more")
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")

echo
echo "factsheet benchmark: $BIN ($("$BIN" --version 2>/dev/null | head -n 1)), $ncpu CPUs, $(date '+%Y-%m-%d %H:%M')"
# CPU that other processes used meanwhile: all busy CPU time (/proc/stat)
# less this shell's and its children's (times).
bench_t1=$(date +%s.%N)
busy1=$(cpu_busy)
times >"$LOG/times"
ours=$(awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } print s }' "$LOG/times")
other=$(calc "$busy1 - $busy0 - $ours")
span=$(calc "$bench_t1 - $bench_t0")
echo "meanwhile other processes used $(f1 "$other") CPU-s in $(f0 "$span") s ($(f2 "$(calc "$other / $span")") of $ncpu CPUs)$(awk -v o="$other" -v s="$span" 'BEGIN { if (s > 0 && o / s > 0.2) print ": wall times are inflated, CPU times less so" }')"
echo "(1 KB = 1024 bytes, 1 MB = 1024 KB; times are wall clock; single-sheet runs are new processes, page cache warm)"
echo
mi() { awk -v x="$1" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.1f", x / 1e6 }'; }
echo "Instructions (callgrind, all threads; the stable figure): $cg_note"
row "floor: start, load our fonts, write an empty PDF" "$(mi "$ir_floor")" "M"
row "factsheet, 2025 sheet" "$(mi "$ir_single")" "M  = $(f1 "$(calc "$ir_single / $ir_floor")") x the floor"
row "factsheet, the $n_bundled bundled sheets in 1 process" "$(mi "$ir_bundled")" "M"
row "each sheet beyond the first ((batch - single) / $((n_bundled - 1)))" "$(mi "$ir_further")" "M"
row "comparator: title + text only, system fonts" "$(mi "$ir_base")" "M"
echo
echo "Cold single sheet: data/2025.json, median of $RUNS runs ($load_single)"
row "factsheet, 2025 sheet ($pages_single pages)" "$(f3 "$t_single")" "s  (min $(f3 "$min_single"), max $(f3 "$max_single"))"
row "factsheet, CPU time of one run (user + sys)" "$(f2 "$cpu_single")" "s"
row "floor: start, load our fonts, write an empty PDF" "$(f3 "$t_floor")" "s"
row "comparator: title + text, 1 page (slow, not a bound)" "$(f3 "$t_base")" "s"
row "comparator, CPU time of one run (user + sys)" "$(f2 "$cpu_base")" "s"
row "factsheet less the floor (wall)" "$(f3 "$(calc "$t_single - $t_floor")")" "s"
echo
echo "Batch: the $n_bundled bundled data/*.json in one process, median of 5 ($load_bundled)"
row "wall" "$(f3 "$t_bundled")" "s"
row "throughput" "$(f1 "$(calc "$n_bundled / $t_bundled")")" "sheets/s"
row "each sheet beyond the first ((batch - single) / $((n_bundled - 1)))" "$(f1 "$ms_further")" "ms/sheet"
row "per page ($pages_bundled pages)" "$(f1 "$(calc "$t_bundled * 1000 / $pages_bundled")")" "ms/page"
echo
echo "Writers: the $n_bundled bundled sheets in one process, median of 5 (write = run - --check)"
row "--check: load and lay out, write nothing" "$(f3 "$t_check")" "s"
row "--format pdf (Cairo)" "$(f3 "$t_bundled")" "s  = $(f1 "$(calc "($t_bundled - $t_check) * 1000 / $n_bundled")") ms/sheet writing"
row "--format ofd (libxml2, hb-subset, libzip)" "$(f3 "$t_ofd")" "s  = $(f1 "$(calc "($t_ofd - $t_check) * 1000 / $n_bundled")") ms/sheet writing, $(f1 "$(calc "($t_ofd - $t_check) * 1000 / $pages_bundled")") ms/page"
row "2025 sheet as OFD" "$bytes_ofd" "bytes = $(kb "$bytes_ofd") KB"
echo
echo "Generated county sheets (tools/gen_counties.py, $COUNT in one folder, $pages_one pages each; $load_counties)"
row "1 sheet alone (its folder's $COUNT siblings are read)" "$(f3 "$t_one")" "s  (median of 3)"
row "$SMALL sheets, 1 process" "$(f3 "$t_small")" "s  = $(f1 "$(calc "$t_small * 1000 / $SMALL")") ms/sheet"
row "$COUNT sheets, 1 process" "$(f3 "$t_all")" "s  = $(f1 "$(calc "$t_all * 1000 / $COUNT")") ms/sheet, $(f1 "$(calc "$COUNT / $t_all")") sheets/s"
row "$COUNT sheets, 1 process, CPU time (user + sys)" "$(f2 "$cpu_all")" "s  = $(f1 "$(calc "$cpu_all * 1000 / $COUNT")") ms CPU/sheet"
row "$COUNT sheets, 2 processes in parallel" "$(f3 "$t_two")" "s  = $(f1 "$(calc "$COUNT / $t_two")") sheets/s, speed-up $(f2 "$(calc "$t_all / $t_two")")x"
row "marginal cost, sheets $((SMALL + 1))..$COUNT" "$(f1 "$ms_linear")" "ms/sheet"
row "PDFs written by the 2-process run" "$n_pdfs" "files"
echo
echo "Peak RSS"
row "factsheet, 2025 sheet" "$(mb "$rss_single")" "MB"
row "factsheet, $COUNT sheets in 1 process" "$(mb "$rss_all")" "MB"
row "floor" "$(mb "$rss_floor")" "MB"
row "comparator" "$(mb "$rss_base")" "MB"
echo
echo "PDF size"
row "2025 sheet ($pages_single pages)" "$bytes_single" "bytes = $(kb "$bytes_single") KB"
row "a generated county sheet ($pages_one pages)" "$bytes_one" "bytes = $(kb "$bytes_one") KB"
row "floor (1 empty page)" "$bytes_floor" "bytes = $(kb "$bytes_floor") KB"
row "comparator (1 page, title + text)" "$bytes_base" "bytes = $(kb "$bytes_base") KB"
echo

echo "Archive pass (src/render/pdfpost.c, libqpdf): per sheet, CPU time, median of 21, in one process"
if [ -s "$LOG/archive.txt" ]; then
    printf '  %-8s %14s %14s %12s %12s\n' sheet "cairo draw ms" "pass ms" "cairo bytes" "archived"
    while read -r y dr ps b0 b1; do
        printf '  %-8s %14s %14s %12s %12s\n' "$y" "$(f1 "$dr")" "$(f2 "$ps")" "$b0" "$b1"
    done <"$LOG/archive.txt"
    pass_max=$(awk 'BEGIN { m = 0 } { if ($3 > m) m = $3 } END { print m }' "$LOG/archive.txt")
    row "instructions of the pass on the 2025 sheet (callgrind)" \
        "$(awk -v x="${ir_pass:-nan}" 'BEGIN { if (x == "nan" || x == "") print "n/a"; else printf "%.1f", x / 1e6 }')" "million"
else
    pass_max=nan
    echo "  not measured (see $LOG/archive.log)"
fi
echo

# verdict VALUE OP TARGET UNIT LABEL
verdict() {
    awk -v v="$1" -v op="$2" -v t="$3" -v u="$4" -v l="$5" 'BEGIN {
        if (v == "nan" || v == "" || v == "n/a") { printf "  %-46s not measured\n", l; exit }
        ok = (op == "<=") ? (v + 0 <= t + 0) : (v + 0 >= t + 0)
        if (ok) printf "  %-46s met (%s %s vs target %s %s)\n", l, v, u, op, t
        else    printf "  %-46s NOT met (%s %s vs target %s %s)\n", l, v, u, op, t
    }'
}
echo "Targets"
verdict "$(mi "$ir_single")" "<=" 100 M "2025 sheet, instructions"
verdict "$(f1 "$ms_further")" "<=" 6 ms "each further sheet, bundled batch"
verdict "$(f1 "$ms_linear")" "<=" 6 ms "each further sheet, generated batch"
verdict "$(kb "$bytes_single")" "<=" 40 KB "2025 PDF size"
verdict "$pass_max" "<=" 5 ms "archive pass, slowest bundled sheet"
verdict "$(mb "$rss_single")" "<=" 24 MB "peak RSS, single sheet"
verdict "$(mb "$rss_all")" "<=" 24 MB "peak RSS, $COUNT-sheet batch"
verdict "$(f1 "$t_two")" "<=" "$(calc "20 * $COUNT / 1000")" s "$COUNT sheets on 2 cores$( [ "$COUNT" -eq 1000 ] || echo " (target scaled)")"
echo
echo "Logs and outputs: $OUT/ (logs/*.log hold each run's messages)"
[ $failed -eq 0 ] || echo "bench: some runs failed; their figures are not meaningful" >&2
exit $failed
