#!/usr/bin/env bash
# Tracer's one entry point (see README.md):
#   ./build.sh          set-up (Debian packages, dockerd) and build: native/, solution, bin/tracer
#   ./build.sh test     set-up + build, fixture images, unit and integration tests; the last line
#                       is "N passed, N failed, N skipped"
#   ./build.sh bench    run the benchmarks (default filter '*'; extra args go to BenchmarkDotNet)
#   ./build.sh demo     end-to-end demo: tracer slim on the py-report fixture, report printed
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$ROOT/.cache"
DOCKERD_LOG="${TRACER_DOCKERD_LOG:-/var/log/tracer-dockerd.log}"
PACKAGES=(docker.io strace musl-tools mmdebstrap make gcc jq ca-certificates clang libbpf-dev bpftool)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the script ends.
export MSBUILDDISABLENODEREUSE=1

log() { printf 'build.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

install_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        # dpkg-query, not `dpkg -s | grep -q`: grep quitting early gives dpkg SIGPIPE, and
        # pipefail would then call an installed package missing.
        [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == 'install ok installed' ]] \
            || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return
    [[ $(id -u) -eq 0 ]] || die "missing packages (${missing[*]}) and not root to install them"
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for another apt/dpkg run to finish rather than failing on its lock.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
}

docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

# Starts dockerd unless one answers or is already starting (live pid in its pid file).
start_docker() {
    docker_answers && return
    local pidfile=/var/run/docker.pid pid=""
    [[ -r $pidfile ]] && pid="$(cat "$pidfile")"
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        log "dockerd (pid $pid) is running but not answering yet; waiting"
    else
        [[ $(id -u) -eq 0 ]] || die "no Docker daemon answers and starting one needs root"
        log "starting dockerd (log: $DOCKERD_LOG)"
        mkdir -p "$(dirname "$DOCKERD_LOG")"
        setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
    fi
    local deadline=$((SECONDS + 60))
    until docker_answers; do
        ((SECONDS < deadline)) || die "dockerd did not answer within 60 s; see $DOCKERD_LOG"
        sleep 1
    done
    log "dockerd answers"
}

# dotnet format takes ~30 s; skip it while no C# source or project file changed since it passed.
verify_format() {
    local stamp="$CACHE/format.stamp" sum
    sum="$(cd "$ROOT" && find src tests benchmarks \( -name bin -o -name obj \) -prune \
        -o \( -name '*.cs' -o -name '*.csproj' \) -print0 \
        | sort -z | xargs -0 sha256sum | cat - .editorconfig Directory.Build.props | sha256sum)"
    [[ -f $stamp && "$(cat "$stamp")" == "$sum" ]] && return
    log "dotnet format --verify-no-changes"
    dotnet format "$ROOT/Tracer.sln" --verify-no-changes || die "formatting differs; run: dotnet format Tracer.sln"
    mkdir -p "$CACHE" && printf '%s' "$sum" >"$stamp"
}

# The .NET runtime identifier of this machine (ReadyToRun code is per architecture).
runtime_id() {
    case "$(uname -m)" in
        x86_64) echo linux-x64 ;;
        aarch64) echo linux-arm64 ;;
        *) die "no .NET runtime identifier known for $(uname -m)" ;;
    esac
}

build() {
    command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (dotnet on PATH); Debian has no package for it"
    install_packages
    start_docker
    make -s -C "$ROOT/native"
    dotnet build "$ROOT/Tracer.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
    verify_format
    # ReadyToRun needs a runtime identifier, so the CLI is built once more for it here.
    dotnet publish "$ROOT/src/Tracer.Cli" -c Release -r "$(runtime_id)" --self-contained false \
        -p:PublishReadyToRun=true -nologo -v quiet -clp:ErrorsOnly -o "$ROOT/bin"
    install -C -m 0755 "$ROOT/native/build/tracer-gate" "$ROOT/bin/tracer-gate"
    # The eBPF loader is optional: without it (no BTF or clang here) tracing falls back.
    if [[ -x $ROOT/native/build/tracer-ebpf ]]; then
        install -C -m 0755 "$ROOT/native/build/tracer-ebpf" "$ROOT/bin/tracer-ebpf"
    fi
    [[ -x $ROOT/bin/tracer ]] || die "publish did not produce bin/tracer"
}

# Reads one counter attribute from a TRX file (0 when absent).
trx_count() {
    grep -o '<Counters [^>]*>' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0
}

run_tests() {
    local results="$CACHE/test-results" passed=0 failed=0 skipped=0 status=0 project trx
    # A subshell keeps errexit on inside build (an `if` condition would turn it off).
    set +e
    (set -e; build)
    status=$?
    set -e
    if ((status != 0)); then
        echo "0 passed, 1 failed, 0 skipped"
        return 1
    fi
    if [[ -f $ROOT/tests/functions/build-images.sh ]]; then
        if ! bash "$ROOT/tests/functions/build-images.sh"; then
            log "fixture images failed to build"
            status=1 failed=$((failed + 1))
        fi
    fi
    export TRACER_GATE="$ROOT/native/build/tracer-gate"
    export TRACER_TEST_RUN="build-$$-$(date +%s)"
    rm -rf "$results"
    for project in Tracer.Tests Tracer.IntegrationTests; do
        trx="$results/$project.trx"
        dotnet test "$ROOT/tests/$project" -c Release --no-build -nologo --results-directory "$results" \
            --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" || status=1
        if [[ -f $trx ]]; then
            passed=$((passed + $(trx_count "$trx" passed)))
            failed=$((failed + $(trx_count "$trx" failed) + $(trx_count "$trx" error)))
            # vstest counts xunit's skipped tests as neither executed nor notExecuted.
            skipped=$((skipped + $(trx_count "$trx" total) - $(trx_count "$trx" executed)))
        else
            log "$project left no results (test host crashed?)"
            status=1 failed=$((failed + 1))
        fi
    done
    sweep_containers "$TRACER_TEST_RUN"
    ((failed == 0)) || status=1
    echo "$passed passed, $failed failed, $skipped skipped"
    return "$status"
}

# Removes containers a crashed test process of this run left; other runs' are not touched.
sweep_containers() {
    local ids
    ids="$(docker ps -a --filter label=io.tracer.test-run \
        --format '{{.ID}} {{.Label "io.tracer.test-run"}}' | awk -v p="$1-" 'index($2, p) == 1 {print $1}')"
    [[ -z $ids ]] || docker rm -f $ids >/dev/null
}

bench() {
    build
    local args=("$@")
    [[ ${#args[@]} -gt 0 ]] || args=(--filter '*')
    dotnet run -c Release --project "$ROOT/benchmarks/Tracer.Benchmarks" --no-build -- "${args[@]}"
}

# Prints the first source file newer than $1: sources and project files only, never MSBuild's
# obj/ and bin/ or the gate's build/ output (those change on every build).
newer_sources() {
    (cd "$ROOT" && find src native \( -name bin -o -name obj -o -name build \) -prune \
        -o -type f -newer "$1" -print -quit \
        && find Directory.Build.props Directory.Packages.props Tracer.sln -newer "$1" -print -quit)
}

# The end-to-end demo: set-up and build when needed, the py-report fixture when missing, then
# `tracer slim` on it; prints the summary and report.md. Exit code: tracer slim's.
demo() {
    local out="$ROOT/out/demo" status=0
    if [[ ! -x $ROOT/bin/tracer || ! -x $ROOT/bin/tracer-gate ]] || ! docker_answers \
        || [[ -n "$(newer_sources "$ROOT/bin/tracer")" ]]; then
        # The demo's stdout is tracer slim's summary and the report: build chatter goes to stderr.
        build >&2
    fi
    bash "$ROOT/tests/functions/build-images.sh" py-report >&2
    log "tracer slim --spec tests/functions/py-report/function.yaml --out out/demo"
    (cd "$ROOT" && bin/tracer slim --spec tests/functions/py-report/function.yaml --out "$out" "$@") \
        || status=$?
    if [[ -f $out/report.md ]]; then
        printf '\n===== %s =====\n\n' "out/demo/report.md"
        cat "$out/report.md"
    fi
    return "$status"
}

case "${1:-build}" in
    build) build ;;
    test) run_tests ;;
    bench) shift; bench "$@" ;;
    demo) shift; demo "$@" ;;
    *) die "unknown command '$1' (use: build, test, bench, demo)" ;;
esac
