#!/bin/sh
# Whole-process tracing overhead: the same workload inside a fixture container, untraced
# (docker run) and under `tracer trace` with each backend, in paired rounds. The workload times
# itself inside the container (date +%s%N around it, written to a bind mount), so container
# set-up, gate and tracer start-up are not counted — only what tracing costs the function.
# Prints per workload and backend the median ms, the ratio over untraced, the median of the
# per-round ratios, and the ratio of the fastest runs.
#
# With PROFILE=N (needs perf) it then runs each workload N more times per in-kernel backend
# under `perf record -a` and prints the share of the workload's own CPU samples spent in the
# tracer's kernel side (BPF programs and helpers, their maps and ring buffer, fsnotify and
# fanotify). That share is free of the VM's run-to-run noise, which on a shared 2-core guest is
# larger than the effects measured; strace is left out since its cost is time stopped while
# the tracer runs, which no sample of the workload shows.
#
# usage: benchmarks/overhead.sh [ROUNDS]   (run from the repo root as root; default 5 rounds)
# env:   TRACER (default bin/tracer, else the Release build), IMAGE (default py-report fixture),
#        MODES (default: none fanotify strace both ebpf ebpf+fanotify), PROFILE (default 0),
#        WORKLOADS (default: imports walk execs)
set -eu
ROUNDS=${1:-5}
# ebpf and ebpf+fanotify need kernel BTF and native/build/tracer-ebpf; MODES narrows the set.
MODES=${MODES:-none fanotify strace both ebpf ebpf+fanotify}
case " $MODES " in *" none "*) ;; *) MODES="none $MODES" ;; esac # ratios need the untraced runs
WORKLOADS=${WORKLOADS:-imports walk execs}
IMAGE=${IMAGE:-tracer-fixtures/py-report:latest}
if [ -z "${TRACER:-}" ]; then
  if [ -x bin/tracer ]; then TRACER=bin/tracer
  else TRACER="dotnet src/Tracer.Cli/bin/Release/net10.0/tracer.dll"; fi
fi
# BPF run-time statistics put two clock reads around every program run (every syscall of the
# machine under the eBPF backend): the ebpf figures would include them.
if [ "$(cat /proc/sys/kernel/bpf_stats_enabled 2>/dev/null || echo 0)" != 0 ]; then
  echo "overhead.sh: warning: kernel.bpf_stats_enabled=1 adds to the ebpf figures (sysctl kernel.bpf_stats_enabled=0)" >&2
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

# workload MODE NAME → prints its ms
workload() {
  case $2 in
    imports) run "$1" "$2" python3 -c "$IMPORTS" ;;
    walk) run "$1" "$2" python3 -c "$WALK" ;;
    execs) run "$1" "$2" /bin/sh -c "$EXECS" ;;
  esac
}

# One run (the profiling pass calls the script so): overhead.sh --one MODE WORKLOAD
if [ "$ROUNDS" = --one ]; then
  workload "$2" "$3"
  exit 0
fi

for w in $WORKLOADS; do
  for i in $(seq "$ROUNDS"); do
    for mode in $MODES; do
      echo "$w $mode $(workload "$mode" "$w") $i" >> "$OUT/results"
    done
  done
done

WORKLOADS="$WORKLOADS" python3 - "$OUT/results" $MODES <<'PY'
import os, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
modes = sys.argv[2:]
# ratio: median over median untraced. paired: median of each round's own ratio (a round runs
# every backend back to back, so slow spells of a shared machine cancel out within it).
# fastest: fastest run over fastest untraced run; a neighbour's load only ever adds time, so
# the fastest runs are the least disturbed ones (a check on the other two, not a substitute).
print(f"{'workload':10} {'backend':13} {'median ms':>10} {'ratio':>7} {'paired':>7} {'fastest':>8}")
for w in os.environ["WORKLOADS"].split():
    ms = {(r[1], r[3]): int(r[2]) for r in rows if r[0] == w}
    rounds = sorted({r[3] for r in rows if r[0] == w})
    base = statistics.median(ms[("none", i)] for i in rounds)
    fastest = min(ms[("none", i)] for i in rounds)
    for m in modes:
        med = statistics.median(ms[(m, i)] for i in rounds)
        paired = statistics.median(ms[(m, i)] / ms[("none", i)] for i in rounds)
        best = min(ms[(m, i)] for i in rounds) / fastest
        print(f"{w:10} {m:13} {med:10.0f} {med / base:7.2f} {paired:7.2f} {best:8.2f}")
PY

PROFILE=${PROFILE:-0}
[ "$PROFILE" -gt 0 ] || exit 0
if ! command -v perf >/dev/null; then
  echo "PROFILE: perf is not installed (Debian: linux-perf); no in-kernel shares" >&2
  exit 0
fi
# Leaf symbols that belong to the tracer's kernel side when hit in the workload's processes.
TRACING='^(bpf_|__bpf_|htab_|__htab_|lookup_nulls_elem_raw|strncpy_from_user_nofault|copy_from_kernel_nofault|fsnotify|__fsnotify|fanotify_)'
echo
echo "in-kernel tracing share of the workload's CPU samples ($PROFILE runs each, perf record -a)"
printf '%-10s %-13s %8s %8s\n' workload backend samples tracing
for w in $WORKLOADS; do
  for mode in $MODES; do
    case $mode in strace|both) continue ;; esac
    perf record -q -a -o "$OUT/perf.data" -- sh -c '
      for i in $(seq "$1"); do sh "$2" --one "$3" "$4" >/dev/null; done' sh "$PROFILE" "$0" "$mode" "$w" \
      >/dev/null 2>&1
    perf script -i "$OUT/perf.data" -G -F ip,sym --comms python3,sh,true 2>/dev/null | awk '{print $2}' \
      > "$OUT/syms"
    total=$(wc -l < "$OUT/syms")
    hits=$(grep -E "$TRACING" "$OUT/syms" | grep -cv '^bpf_lsm_' || true) # LSM hook stubs run untraced too
    printf '%-10s %-13s %8d %7.1f%%\n' "$w" "$mode" "$total" "$(echo "$hits $total" | awk '{print $2 ? 100*$1/$2 : 0}')"
  done
done
