#!/usr/bin/env bash
# Load check for "the event loop stays free": starts the packaged benchmarks/extension-app, sends CLIENTS (4)
# concurrent chunked invoke bodies of BODY_MB (12) MB in a loop for DURATION (20) s, samples GET /health every 50 ms
# meanwhile, and prints the health latency p50 / p99 / max. RUNS (3) runs, each against a fresh server.
#
#   benchmarks/large-bodies.sh                    build the app from this tree, then measure
#   SKIP_BUILD=1 benchmarks/large-bodies.sh       measure the app built last
#   APP_DIR=/path/to/quarkus-app benchmarks/large-bodies.sh   measure another build (e.g. of an older commit)
#
# See docs/modules/ROOT/pages/performance.adoc ("Large bodies and the event loop"). Only the server it starts is
# stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-20}"
CLIENTS="${CLIENTS:-4}"
BODY_MB="${BODY_MB:-12}"
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}"
OUT="$ROOT/benchmarks/target/large-bodies"
mkdir -p "$OUT"

SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

APP_DIR="${APP_DIR:-}"
if [ -z "$APP_DIR" ]; then
    APP_DIR="$ROOT/benchmarks/extension-app/target/quarkus-app"
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        echo "Building benchmarks/extension-app" >&2
        (cd "$ROOT" && ./mvnw -B -q -ntp -Pbenchmarks package -DskipTests -pl deployment,benchmarks/extension-app -am) \
            >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
    fi
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

for run in $(seq 1 "$RUNS"); do
    PORT="$(free_port)"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Dquarkus.http.port="$PORT" -jar "$APP_DIR/quarkus-run.jar" >"$OUT/server-$run.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break
        sleep 0.5
    done
    echo "run $run:"
    java "$ROOT/benchmarks/large-bodies/LargeBodies.java" "http://localhost:$PORT" "$DURATION" "$CLIENTS" "$BODY_MB"
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
done
