#!/usr/bin/env bash
# benches/compare.sh: calque next to its peers, on the same bench corpus, in one go.
#
# It times whole processes (start to exit, wall clock, KB/list loading included) with a
# warm page cache, and prints one table: tool | input | MB | median s | MB/s | × rg | × wc -w.
# Rows (the corpus from ../shared/bench, see ../shared/bench/PEERS.md):
#   cat corpus-100m.txt > /dev/null          memory floor (page cache bandwidth)
#   wc -w corpus-100m.txt                    tokenising floor (byte-at-a-time, C.UTF-8)
#   rg -c -F -f phrases-5k.txt corpus-100m.txt
#                                            case-sensitive exact-literal floor (not -i)
#   calque check --no-config --format csv -j2 -o TMP/report.csv corpus-100m.jsonl
#                                            the default check (no calque.toml), both cores,
#                                            one document per JSONL line; MB counts the
#                                            file's 102.3 MB, JSON framing included. A calque
#                                            without the JSONL reader checks the file as one
#                                            text: the row's note says which it did
#   the same with -j1                        (for the -j2/-j1 scaling)
#   the same, -j2, with --kb DIR             DIR/entities.csv = the 100,000 names of
#                                            names-100k.txt as person entries, as
#                                            benches/throughput.rs pads its KB
#   py_phrase_scan.py (ahocorasick-rs, else pyahocorasick) on corpus-10m.txt
#                                            Python keyword-scanner baseline, if the venv has it
#   py_name_fuzzy.py (rapidfuzz) on corpus-1m.txt, one run, only with SLOW=1
#                                            (else the PEERS.md figure, marked as such)
# Every calque/rg/floor command runs once per round, round after round (A B C … A B C …),
# RUNS rounds; a row's time is its median. The machine is noisy, so the ratios
# between rows of those rounds are taken round by round (paired) and their median shown.
# MB = 10^6 bytes of input; "× rg" = tool MB/s ÷ rg MB/s (higher is faster);
# "× wc -w" = tool MB/s ÷ wc -w MB/s. It ends with the project's throughput targets,
# PASS or MISS each; a MISS never fails the script. It exits 1 only if a tool failed to run
# (calque exit 2, rg exit 2, a Python baseline that crashed, …): that row says why.
#
# Run (from anywhere; needs bash ≥ 4, coreutils, ripgrep `rg`, python3):
#   benches/compare.sh [CORPUS_DIR]           # or CALQUE_BENCH_DIR=…; default /tmp/calque-bench
#   QUICK=1 benches/compare.sh                # smoke test: 10 MB inputs, RUNS=1 (~8 s)
#   SLOW=1 benches/compare.sh                 # also rerun rapidfuzz on 1 MB (one run)
# Env: CALQUE (calque binary; default target/release/calque of this repo, built with
#      `cargo build --release` if missing, never rebuilt if present: rebuild it yourself
#      after changes), RUNS (3), QUICK (0), SLOW (0), RF_SCORER (ratio | WRatio),
#      VENV (CORPUS_DIR/venv: the Python whose packages the baselines need),
#      PEERS_DIR (../shared/bench: the py_*.py scripts).
# Time (2 vCPU, calque at ≈15 MB/s): the full default run takes about 80 s, nearly all of
# it the 3 × 3 calque runs over 100 MB; QUICK=1 about 8 s; SLOW=1 adds 10–16 s (ratio) or
# ≈110 s (WRatio). Run nothing else meanwhile: a compile on the other core skews a round.
#
# Caveat (PEERS.md): corpus-100m repeats its 11.16 MB of unique text 8.8 times, so a
# tool that caches per-string results looks unrealistically good on it; the 1m/10m
# prefixes have no repeated text. The text is man-page French and its machine
# translations, not news: it has few names (≈1,400 capitalised bigrams per MB).
set -euo pipefail
export LC_ALL=C.UTF-8          # as PEERS.md measured wc -w; also makes EPOCHREALTIME use '.'

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${1:-${CALQUE_BENCH_DIR:-/tmp/calque-bench}}
RUNS=${RUNS:-3}
QUICK=${QUICK:-0}
SLOW=${SLOW:-0}
RF_SCORER=${RF_SCORER:-ratio}
SHARED_BENCH=$(cd "$ROOT/.." && pwd)/shared/bench
PEERS_DIR=${PEERS_DIR:-$SHARED_BENCH}
script_t0=$SECONDS

die() { printf 'compare.sh: %s\n' "$*" >&2; exit 1; }
[[ $RF_SCORER == ratio || $RF_SCORER == WRatio ]] || die "RF_SCORER must be ratio or WRatio"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

# --- inputs and tools ---------------------------------------------------------------------
missing=()
for f in corpus-100m.txt corpus-100m.jsonl corpus-10m.txt corpus-1m.txt phrases-5k.txt names-100k.txt; do
  [[ -f $DIR/$f ]] || missing+=("$f")
done
if ((${#missing[@]})); then
  die "no bench corpus in $DIR (missing: ${missing[*]}). Build it first (as root; ~2 min, apt and pip):
    OUT=$DIR bash $SHARED_BENCH/make-corpus.sh      # corpus-*.txt, corpus-100m.jsonl
    OUT=$DIR bash $SHARED_BENCH/make-gazetteer.sh   # names-100k.txt, phrases-5k.txt
  (both take their folder from OUT, default /tmp/calque-bench; then pass it as \$1 or CALQUE_BENCH_DIR)"
fi
DIR=$(cd "$DIR" && pwd)
VENV=${VENV:-$DIR/venv}
command -v rg >/dev/null || die "ripgrep (rg) is not installed: apt-get install ripgrep"
command -v python3 >/dev/null || die "python3 is not installed"
[[ ${BASH_VERSINFO[0]} -ge 4 ]] || die "needs bash 4 or later"

if [[ -z ${CALQUE:-} ]]; then
  CALQUE=$ROOT/target/release/calque
  if [[ ! -x $CALQUE ]]; then
    echo "building $CALQUE (cargo build --release)…" >&2
    (cd "$ROOT" && cargo build --release) || die "cargo build --release failed"
  fi
fi
[[ -x $CALQUE ]] || die "CALQUE=$CALQUE is not an executable"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/calque-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"                                 # no calque.toml is found from here (and --no-config)

if [[ $QUICK == 1 ]]; then
  RUNS=1
  TXT=$DIR/corpus-10m.txt
  # the first 10 MB worth of whole lines (articles) of the JSONL corpus
  LC_ALL=C awk -v max=10000000 '{ n += length($0) + 1; if (n > max) exit; print }' \
    "$DIR/corpus-100m.jsonl" > "$tmp/corpus-10m.jsonl"
  JSONL=$tmp/corpus-10m.jsonl
  JSONL_LABEL="corpus-100m.jsonl, first 10 MB"
else
  TXT=$DIR/corpus-100m.txt
  JSONL=$DIR/corpus-100m.jsonl
  JSONL_LABEL=corpus-100m.jsonl
fi
PY_TXT=$DIR/corpus-10m.txt
RF_TXT=$DIR/corpus-1m.txt
bytes() { wc -c < "$1" | tr -d ' '; }

# row metadata: key, tool, input, bytes, how (timed | peers | skipped), note
ROWS=$tmp/rows.tsv TIMES=$tmp/times.tsv
: > "$ROWS"; : > "$TIMES"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$ROWS"; }

# --- calque: does this binary read .jsonl as one document per line? ------------------------
printf '%s\n' '{"id":"a","src":"clean","text":"Bonjour."}' '{"id":"b","src":"mt","text":"Au revoir."}' \
  > "$tmp/probe.jsonl"
JSONL_NOTE=""
if "$CALQUE" check --no-config --summary "$tmp/probe-summary.csv" -o "$tmp/probe-report.csv" \
     "$tmp/probe.jsonl" 2>/dev/null && grep -q 'probe\.jsonl#a' "$tmp/probe-summary.csv"; then
  JSONL_NOTE="JSONL read as one document per line"
else
  JSONL_NOTE="this calque read the .jsonl as ONE plain-text document (no JSONL reader yet)"
fi

# --- calque with the 100k-name KB -------------------------------------------------------
# Mirrors benches/throughput.rs `padded_kb`: every name of names-100k.txt becomes a
# `person` row of entities.csv (names with `"` or `|` left out). Names that the default KB
# already holds as a wrong or accepted form (White House, Lvov…) conflict with it: the
# bench asks calque::kb::names::form_key, which a script cannot, so here calque itself is
# asked: it rejects the KB naming each conflicting row (`… is an accepted form of entity
# gazetteer-N`), which is dropped, with every other row of the same name (folded), and
# the KB tried again.
KBDIR=$tmp/kb KB_NOTE=""
mkdir -p "$KBDIR"; : > "$tmp/kb.drop"; printf 'Bonjour.\n' > "$tmp/probe.txt"
kb_ok=0
for _ in 1 2 3 4 5 6 7 8; do
  python3 - "$DIR/names-100k.txt" "$KBDIR/entities.csv" "$tmp/kb.drop" <<'PY'
import csv, re, sys, unicodedata
names_path, out, drop_path = sys.argv[1:4]
def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return " ".join(re.findall(r"\w+", "".join(c for c in s if not unicodedata.combining(c))))
ids, forms = set(), set()
for m in re.finditer(r"wrong form `([^`]*)` is an accepted form of entity `(gazetteer-\d+)`",
                     open(drop_path, encoding="utf-8").read()):
    forms.add(fold(m[1])); ids.add(m[2])
with open(names_path, encoding="utf-8") as f, open(out, "w", encoding="utf-8", newline="") as g:
    w = csv.writer(g, lineterminator="\n")
    w.writerow(["id", "kind", "canonical", "aliases", "variants", "titles", "country", "note"])
    for i, line in enumerate(f, 1):
        name, rid = line.strip(), "gazetteer-%06d" % i
        if not name or '"' in name or "|" in name or rid in ids or fold(name) in forms:
            continue
        w.writerow([rid, "person", name, "", "", "", "", ""])
PY
  if "$CALQUE" check --no-config --kb "$KBDIR" -o "$tmp/probe-report.csv" "$tmp/probe.txt" \
       2> "$tmp/kb.err"; then
    kb_ok=1; break
  fi
  if grep -v -e 'is an accepted form of entity `gazetteer-' -e 'knowledge base is invalid' \
       "$tmp/kb.err" | grep -q .; then
    break                                 # some other problem: not one we can drop rows for
  fi
  cat "$tmp/kb.err" >> "$tmp/kb.drop"
done
kb_rows=$(($(wc -l < "$KBDIR/entities.csv") - 1))
if ((kb_ok)); then
  KB_NOTE="default KB + $(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$kb_rows") names of names-100k.txt"
else
  KB_NOTE="100k-name KB not loadable: $(grep -v 'knowledge base is invalid' "$tmp/kb.err" | head -n1)"
fi

# --- Python baselines ----------------------------------------------------------------------
PY="" PY_ENGINE="" HAVE_RF=0
if [[ -x $VENV/bin/python && -f $PEERS_DIR/py_phrase_scan.py ]]; then
  PY=$VENV/bin/python
  if "$PY" -c 'import ahocorasick_rs' 2>/dev/null; then PY_ENGINE=ahocorasick_rs
  elif "$PY" -c 'import ahocorasick' 2>/dev/null; then PY_ENGINE=pyahocorasick
  fi
  "$PY" -c 'import rapidfuzz' 2>/dev/null && HAVE_RF=1
fi
[[ -f $PEERS_DIR/py_name_fuzzy.py ]] || HAVE_RF=0

# --- the rows --------------------------------------------------------------------------------
calque_check() { "$CALQUE" check --no-config --format csv "$@" -o "$tmp/report.csv" "$JSONL"; }
run_row() {        # stdout goes to /dev/null, stderr to a file (see time_row)
  case $1 in
    cat) cat "$TXT" ;;
    wc) wc -w "$TXT" ;;
    rg) rg -c -F -f "$DIR/phrases-5k.txt" "$TXT" ;;
    calque-j2) calque_check -j2 ;;
    calque-j1) calque_check -j1 ;;
    calque-kb) calque_check -j2 --kb "$KBDIR" ;;
    py-phrase) "$PY" "$PEERS_DIR/py_phrase_scan.py" "$PY_ENGINE" "$DIR/phrases-5k.txt" "$PY_TXT" "$tmp/py.csv" ;;
    py-fuzzy) "$PY" "$PEERS_DIR/py_name_fuzzy.py" "$RF_SCORER" "$DIR/names-100k.txt" "$RF_TXT" "$tmp/rf.csv" ;;
  esac
}
ok_rc() {          # rg: 1 = no match; calque: 1 = a gate failed (none is set here)
  case $1 in rg | calque-*) (($2 <= 1)) ;; *) (($2 == 0)) ;; esac
}
now_us() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then local t=$EPOCHREALTIME; echo "${t/./}"
  else echo $(($(date +%s%N) / 1000)); fi
}
declare -A FAILED=()
TIMEFORMAT='%3U %3S'               # for `time`: the CPU seconds of the timed command
time_row() {       # time_row KEY ROUND
  local key=$1 round=$2 t0 t1 rc=0
  [[ -n ${FAILED[$key]:-} ]] && return 0
  t0=$(now_us)
  { time run_row "$key" > /dev/null 2> "$tmp/err.$key"; } 2> "$tmp/cpu.$key" || rc=$?
  t1=$(now_us)
  if ok_rc "$key" "$rc"; then      # KEY ROUND WALL_µs CPU_s (user + sys, from bash's `time`)
    printf '%s\t%s\t%s\t%s\n' "$key" "$round" "$((t1 - t0))" "$(tail -n1 "$tmp/cpu.$key")" >> "$TIMES"
  else
    FAILED[$key]="exit $rc: $(grep -m1 . "$tmp/err.$key" || echo 'no message')"
  fi
  echo "  round $round  $key  $(awk -v u=$((t1 - t0)) 'BEGIN { printf "%.3f s", u / 1e6 }')${FAILED[$key]:+  FAILED}" >&2
}

TXTB=$(bytes "$TXT") JSONLB=$(bytes "$JSONL")
row cat "cat > /dev/null" "$(basename "$TXT")" "$TXTB" timed "memory floor"
row wc "wc -w" "$(basename "$TXT")" "$TXTB" timed "tokenising floor"
row rg "rg -c -F -f phrases-5k.txt" "$(basename "$TXT")" "$TXTB" timed "exact-literal floor, $(rg --version | head -n1)"
row calque-j2 "calque check -j2" "$JSONL_LABEL" "$JSONLB" timed "$JSONL_NOTE"
row calque-j1 "calque check -j1" "$JSONL_LABEL" "$JSONLB" timed ""
if ((kb_ok)); then
  row calque-kb "calque check -j2 --kb names-100k" "$JSONL_LABEL" "$JSONLB" timed "$KB_NOTE"
  GROUP=(rg calque-j2 calque-j1 calque-kb cat wc)
else
  row calque-kb "calque check -j2 --kb names-100k" "$JSONL_LABEL" "$JSONLB" skipped "$KB_NOTE"
  GROUP=(rg calque-j2 calque-j1 cat wc)
fi
# Python rows. PEERS.md figures (Python 3.11.7, 10 MB / 1 MB, N=5 / N=5 / N=3) are shown
# when a baseline is not rerun; their ratios use PEERS.md's own rg 13 (411 MB/s) and
# wc -w (194 MB/s), measured in the same session.
declare -A PEERS_S=([ahocorasick_rs]=0.580 [pyahocorasick]=1.075 [ratio]=8.135 [WRatio]=108.3)
PY_GROUP=()
PYB=$(bytes "$PY_TXT") RFB=$(bytes "$RF_TXT")
if [[ -n $PY_ENGINE ]]; then
  row py-phrase "python $PY_ENGINE (py_phrase_scan.py)" "$(basename "$PY_TXT")" "$PYB" timed "lower-cased lines, CSV row per hit"
  PY_GROUP+=(py-phrase)
else
  row py-phrase "python ahocorasick_rs (py_phrase_scan.py)" "$(basename "$PY_TXT")" "$PYB" \
    "peers ${PEERS_S[ahocorasick_rs]}" "(from PEERS.md, not rerun: $VENV has neither ahocorasick-rs nor pyahocorasick)"
fi
rf_label="python rapidfuzz $RF_SCORER (py_name_fuzzy.py)"
if [[ $SLOW == 1 && $HAVE_RF == 1 ]]; then
  row py-fuzzy "$rf_label" "$(basename "$RF_TXT")" "$RFB" timed "1 run (SLOW=1); extractOne over 100k names per capitalised bigram"
elif [[ $SLOW == 1 ]]; then
  row py-fuzzy "$rf_label" "$(basename "$RF_TXT")" "$RFB" "peers ${PEERS_S[$RF_SCORER]}" "(from PEERS.md, not rerun: $VENV has no rapidfuzz)"
else
  row py-fuzzy "$rf_label" "$(basename "$RF_TXT")" "$RFB" "peers ${PEERS_S[$RF_SCORER]}" "(from PEERS.md, not rerun; SLOW=1 reruns it)"
fi

# --- measure -------------------------------------------------------------------------------
echo "calque $("$CALQUE" --version 2>/dev/null | awk '{ print $NF }') ($CALQUE); corpus $DIR;" \
  "RUNS=$RUNS QUICK=$QUICK SLOW=$SLOW; $(nproc) cores" >&2
# warm page cache: one untimed read of every input and binary
cat "$TXT" "$JSONL" "$PY_TXT" "$RF_TXT" "$DIR/phrases-5k.txt" "$DIR/names-100k.txt" \
  "$CALQUE" "$(command -v rg)" > /dev/null
for ((r = 1; r <= RUNS; r++)); do
  for key in "${GROUP[@]}"; do time_row "$key" "$r"; done
done
for ((r = 1; r <= RUNS; r++)); do
  for key in "${PY_GROUP[@]}"; do time_row "$key" "$r"; done
done
if [[ $SLOW == 1 && $HAVE_RF == 1 ]]; then time_row py-fuzzy 1; fi
for key in "${!FAILED[@]}"; do printf '%s\tfailed\t%s\n' "$key" "${FAILED[$key]}" >> "$TIMES"; done

# --- report --------------------------------------------------------------------------------
python3 - "$ROWS" "$TIMES" "$QUICK" <<'PY'
import statistics as st, sys
rows_path, times_path, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
rows = [l.rstrip("\n").split("\t") for l in open(rows_path, encoding="utf-8")]
times, cpu, failed = {}, {}, {}
for l in open(times_path, encoding="utf-8"):
    key, rnd, val = l.rstrip("\n").split("\t")[:3]
    if rnd == "failed":
        failed[key] = val
    else:
        times.setdefault(key, {})[int(rnd)] = wall = int(val) / 1e6
        cpu.setdefault(key, []).append(sum(map(float, l.split("\t")[3].split())) / wall)
meta = {r[0]: r for r in rows}
mb = {r[0]: int(r[3]) / 1e6 for r in rows}
PEERS_RG, PEERS_WC = 411.0, 194.0

def med(key):
    return st.median(times[key].values()) if times.get(key) else None

def mbps(key):
    m = med(key)
    return mb[key] / m if m else None

def paired(a, b):
    """Median over the rounds both ran of (a MB/s) / (b MB/s); None if no shared round."""
    ta, tb = times.get(a, {}), times.get(b, {})
    rs = sorted(set(ta) & set(tb))
    if not rs:
        return None
    return st.median((mb[a] / ta[r]) / (mb[b] / tb[r]) for r in rs)

def ratio(a, b):
    p = paired(a, b)
    if p is not None:
        return p
    x, y = mbps(a), mbps(b)
    return x / y if x and y else None

def fmt(x, d=None):
    if x is None:
        return "–"
    if d is None:
        d = 0 if x >= 100 else 1 if x >= 10 else 2 if x >= 1 else 3 if x >= 0.01 else 4
    return f"{x:,.{d}f}"

out = []
for key, tool, inp, nbytes, how, note in rows:
    m = mb[key]
    if key in failed:
        out.append([tool, inp, fmt(m, 1), "FAILED", "–", "–", "–", failed[key]])
    elif how.startswith("peers"):
        s = float(how.split()[1]); rate = m / s
        out.append([tool, inp, fmt(m, 1), fmt(s, 3), fmt(rate), fmt(rate / PEERS_RG, 4),
                    fmt(rate / PEERS_WC, 4), note])
    elif how == "skipped" or not times.get(key):
        out.append([tool, inp, fmt(m, 1), "–", "–", "–", "–", "skipped: " + note])
    else:
        ts = list(times[key].values())
        spread = f"min–max {min(ts):.3f}–{max(ts):.3f} s, n={len(ts)}, cpu {st.median(cpu[key]):.2f} cores"
        r_rg = ratio(key, "rg") if "rg" in times else None
        r_wc = ratio(key, "wc") if "wc" in times else None
        dr = lambda x: fmt(x, 4 if x is not None and x < 0.01 else 3 if x is not None and x < 1 else 2)
        out.append([tool, inp, fmt(m, 1), fmt(med(key), 3), fmt(mbps(key)), dr(r_rg), dr(r_wc),
                    "; ".join(x for x in (note, spread) if x)])
head = ["tool", "input", "MB", "median s", "MB/s", "× rg", "× wc -w", "notes"]
w = [max(len(r[i]) for r in out + [head]) for i in range(len(head) - 1)]
right = {2, 3, 4, 5, 6}
def line(r):
    cells = [r[i].rjust(w[i]) if i in right else r[i].ljust(w[i]) for i in range(len(w))]
    return " | ".join(cells) + " | " + r[-1]
print(line(head))
print("-+-".join("-" * x for x in w) + "-+-" + "-" * 5)
for r in out:
    print(line(r))
print()
print("MB = 10^6 bytes of input; MB/s = MB / median wall s (whole process, warm page cache).")
print("× rg = tool MB/s ÷ rg MB/s (higher is faster); × wc -w likewise. For rows timed in the same")
print("rounds as rg/wc it is the median of the per-round ratios (paired); otherwise the ratio of")
print("medians. PEERS.md rows: its own figures and ratios to its rg 13 (411 MB/s) and wc -w (194 MB/s).")
print("cpu = (user + sys) / wall of the process, median: how many cores it kept busy.")
if quick:
    print("QUICK=1: 10 MB inputs and one run each: start-up weighs 10× more than on 100 MB.")
print()

def target(name, value, goal, unit=""):
    if value is None:
        print(f"  n/a   {name}: not measured")
    else:
        print(f"  {'PASS' if value >= goal else 'MISS'}  {name}: {fmt(value, 3)}{unit} (target ≥ {goal}{unit})")
print("targets (calque -j2 = the default check on both cores):")
target("calque -j2 throughput", mbps("calque-j2"), 100, " MB/s")
target("calque -j2 vs rg -F (paired)", paired("calque-j2", "rg"), 0.25, "× rg")
target("calque -j2 / -j1 (paired)", paired("calque-j2", "calque-j1"), 1.7, "×")
if cpu.get("calque-j2") and st.median(cpu["calque-j2"]) < 1.5:
    print(f"  note: calque -j2 kept only {st.median(cpu['calque-j2']):.2f} cores busy (median): either the"
          " other core was busy (another process, a noisy host) or calque did not run in parallel")
if meta["calque-kb"][4] == "timed":
    target("100k-name KB / default KB, -j2 (paired)", paired("calque-kb", "calque-j2"), 0.5, "×")
else:
    print("  n/a   100k-name KB / default KB: not measured (" + meta["calque-kb"][5] + ")")
PY
echo "compare.sh took $((SECONDS - script_t0)) s" >&2
((${#FAILED[@]} == 0)) || exit 1
