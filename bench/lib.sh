# Shared by the bench scripts (sourced, not run). Builds the benchmark driver and publishes the app in Release into a
# temporary folder, unless BENCH_APP_DIR names a published app already (run-all publishes once for every figure).
# Needs: the .NET 10 SDK. Optional: wrk (Debian package `wrk`) for the throughput figure, Chromium (Debian package
# `chromium`) for the circuits and interaction figures. Nothing is installed by these scripts.
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_ROOT")"
BENCH_DRIVER="$BENCH_ROOT/GobiernoDigital.Bench/bin/Release/net10.0/GobiernoDigital.Bench.dll"
BENCH_CLEANUP=()

bench_cleanup() {
    local path
    for path in "${BENCH_CLEANUP[@]+"${BENCH_CLEANUP[@]}"}"; do
        rm -rf -- "$path"
    done
}
trap bench_cleanup EXIT

bench_prepare() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "bench: hace falta el SDK de .NET 10 (dotnet) en el PATH." >&2
        exit 2
    fi

    if [[ -z "${BENCH_DRIVER_BUILT:-}" ]]; then
        echo "# compilando el medidor (bench/GobiernoDigital.Bench, Release)…" >&2
        dotnet build "$BENCH_ROOT/GobiernoDigital.Bench" -c Release --nologo -v q >&2
        export BENCH_DRIVER_BUILT=1
    fi

    if [[ -z "${BENCH_APP_DIR:-}" ]]; then
        BENCH_APP_DIR="$(mktemp -d -t gobiernodigital-publish-XXXXXX)"
        BENCH_CLEANUP+=("$BENCH_APP_DIR")
        echo "# publicando GobiernoDigital.Dashboard (Release) en $BENCH_APP_DIR…" >&2
        dotnet publish "$REPO_ROOT/GobiernoDigital.Dashboard" -c Release -o "$BENCH_APP_DIR" --nologo -v q >&2
        export BENCH_APP_DIR
    fi
}

# bench_run FIGURE [--smoke] [--option value]…: prints the figure's name=value lines. A hard time limit stops a hung
# run (the driver has its own, shorter one and stops the app and the browser it started).
bench_run() {
    local figure="$1"
    shift
    bench_prepare
    timeout --kill-after=30s "${BENCH_TIMEOUT:-30m}" dotnet "$BENCH_DRIVER" "$figure" --app "$BENCH_APP_DIR" "$@"
}
