# tests/hostile.inc.sh — hostile input, round two (issue 17): files, modes,
# leftovers, special files and output paths that clash with what a run
# reads. Sourced by tests/run.sh at its end, with ok, ko, check, skipped,
# $BIN, $T and $PY. Names here start with h_.

h=$T/hostile
mkdir -p "$h"
h_env="env LC_ALL=C.UTF-8 LANGUAGE="

# ---- output modes come from the umask --------------------------------------------
(umask 077 && "$BIN" -o "$h/private.pdf" tests/good/minimal.json 2>/dev/null)
check "under umask 077 the PDF is private (0600)" test "$(stat -c %a "$h/private.pdf")" = 600
(umask 022 && "$BIN" -o "$h/public.pdf" tests/good/minimal.json 2>/dev/null)
check "under umask 022 the PDF is 0644" test "$(stat -c %a "$h/public.pdf")" = 644
(umask 077 && "$BIN" --format png --dpi 20 -o "$h/private.png" tests/good/minimal.json 2>/dev/null)
check "under umask 077 every PNG page is private (0600)" test "$(stat -c %a "$h/private-1.png")" = 600

# ---- a killed run's temporary file is removed by the next run in that folder ----
mkdir -p "$h/kill"
: >"$h/kill/.2025.pdf.aB3xYz"
: >"$h/kill/.other.json.Q1w2E3"
: >"$h/kill/.notes.txt.Q1w2E3"
: >"$h/kill/.2025.pdf.short"
touch -d '1 minute ago' "$h/kill/".*
"$BIN" -o "$h/kill/2025.pdf" tests/good/minimal.json 2>/dev/null
check "a run removes the temporary files (ours, older than the run) a killed run left" sh -c \
    "[ ! -e '$h/kill/.2025.pdf.aB3xYz' ] && [ ! -e '$h/kill/.other.json.Q1w2E3' ]"
check "... and leaves files that only look alike" sh -c \
    "[ -e '$h/kill/.notes.txt.Q1w2E3' ] && [ -e '$h/kill/.2025.pdf.short' ]"
# SIGKILL cannot be caught: the leftover is real, then the next run cleans it.
mkdir -p "$h/kill9"
"$BIN" -o "$h/kill9/big.pdf" data/2025.json 2>/dev/null &
h_pid=$!
h_i=0
while [ $h_i -lt 200 ] && [ -z "$(ls -A "$h/kill9")" ]; do sleep 0.01; h_i=$((h_i + 1)); done
kill -KILL $h_pid 2>/dev/null
wait $h_pid 2>/dev/null
h_left=$(ls -A "$h/kill9" | grep -c '^\.big\.pdf\.')
"$BIN" -o "$h/kill9/big.pdf" tests/good/minimal.json 2>/dev/null
check "after SIGKILL ($h_left temporary file left) the next run leaves none" sh -c \
    "[ -z \"\$(ls -A '$h/kill9' | grep '^\\.')\" ] && [ -f '$h/kill9/big.pdf' ]"
