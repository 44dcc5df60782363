#!/bin/sh
# Whole-process tracing overhead: the same workload inside a fixture container, untraced
# (docker run) and under `tracer trace` with each backend, in paired rounds. The workload times
# itself inside the container (date +%s%N around it, written to a bind mount), so container
# set-up, gate and tracer start-up are not counted — only what tracing costs the function.
# Prints per workload and backend the median ms, the ratio over untraced, and the median of
# the per-round ratios.
#
# usage: benchmarks/overhead.sh [ROUNDS]   (run from the repo root as root; default 5 rounds)
# env:   TRACER (default bin/tracer, else the Release build), IMAGE (default py-report fixture),
#        MODES (default: none fanotify strace both ebpf ebpf+fanotify)
set -eu
ROUNDS=${1:-5}
# ebpf and ebpf+fanotify need kernel BTF and native/build/tracer-ebpf; MODES narrows the set.
MODES=${MODES:-none fanotify strace both ebpf ebpf+fanotify}
case " $MODES " in *" none "*) ;; *) MODES="none $MODES" ;; esac # ratios need the untraced runs
IMAGE=${IMAGE:-tracer-fixtures/py-report:latest}
if [ -z "${TRACER:-}" ]; then
  if [ -x bin/tracer ]; then TRACER=bin/tracer
  else TRACER="dotnet src/Tracer.Cli/bin/Release/net10.0/tracer.dll"; fi
fi
OUT=$(mktemp -d /tmp/tracer-overhead.XXXXXX)
chmod 777 "$OUT"
trap 'rm -rf "$OUT"' EXIT

IMPORTS='import json, email.parser, http.client, decimal, sqlite3, asyncio, unittest, xml.dom.minidom, argparse, logging, csv, zipfile, tarfile'
WALK='import os
n=0
for d, _, fs in os.walk("/usr"):
    for f in fs:
        os.lstat(os.path.join(d, f)); n += 1'
EXECS='i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done'

# run MODE NAME PROGRAM ARGS… → prints the workload's own ms
run() {
  mode=$1; name=$2; shift 2
  timer='a=$(date +%s%N); "$@"; b=$(date +%s%N); echo $(( (b-a)/1000000 )) > /out/ms'
  rm -f "$OUT/ms"
  if [ "$mode" = none ]; then
    docker run --rm --network none --label io.tracer.managed=true -v "$OUT:/out" --entrypoint /bin/sh \
      "$IMAGE" -c "$timer" sh "$@" >/dev/null 2>&1
  else
    $TRACER trace "$IMAGE" --out "$OUT/trace-$mode-$name" --tracer "$mode" --mount "$OUT:/out" \
      --entrypoint /bin/sh -- -c "$timer" sh "$@" >/dev/null 2>&1
  fi
  cat "$OUT/ms"
}

for w in imports walk execs; do
  for i in $(seq "$ROUNDS"); do
    for mode in $MODES; do
      case $w in
        imports) ms=$(run $mode $w python3 -c "$IMPORTS") ;;
        walk) ms=$(run $mode $w python3 -c "$WALK") ;;
        execs) ms=$(run $mode $w /bin/sh -c "$EXECS") ;;
      esac
      echo "$w $mode $ms $i" >> "$OUT/results"
    done
  done
done

python3 - "$OUT/results" $MODES <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
modes = sys.argv[2:]
# ratio: median over median untraced. paired: median of each round's own ratio (a round runs
# every backend back to back, so slow spells of a shared machine cancel out within it).
print(f"{'workload':10} {'backend':13} {'median ms':>10} {'ratio':>7} {'paired':>7}")
for w in ("imports", "walk", "execs"):
    ms = {(r[1], r[3]): int(r[2]) for r in rows if r[0] == w}
    rounds = sorted({r[3] for r in rows if r[0] == w})
    base = statistics.median(ms[("none", i)] for i in rounds)
    for m in modes:
        med = statistics.median(ms[(m, i)] for i in rounds)
        paired = statistics.median(ms[(m, i)] / ms[("none", i)] for i in rounds)
        print(f"{w:10} {m:13} {med:10.0f} {med / base:7.2f} {paired:7.2f}")
PY
