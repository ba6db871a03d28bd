#!/usr/bin/env bash
# What runs as resources cost and carry (see docs/modules/ROOT/pages/performance.adoc, "Runs"):
#  1. recording every synchronous invocation as a run (quarkus.pipeline.runs.record=all, the default) against not
#     recording them (record=async): the same packaged app, started both ways, wrk POST /invoke at CONNECTIONS (64),
#     ROUNDS (10) alternating rounds of DURATION (8) s, each round started by the next app. Each round gives req/s
#     and the server's CPU time per request (utime + stime from /proc, which a busy host's stolen time does not
#     inflate); the report has the medians, the spread, and the median of the per-round ratios. BASE_APP_DIR adds a
#     third app, e.g. the extension before runs;
#  2. TOTAL (10000) asynchronous submissions at CONNECTIONS connections (AsyncRuns.java), RUNS (3) times: submissions
#     per second, completions per second, and the time from submission to the terminal event observed over SSE.
# The server runs pinned to CPU 0, the clients to CPU 1, as in benchmarks/run.sh. Only what it starts is stopped.
#
#   benchmarks/runs.sh                 build the extension app from this tree, then measure
#   SKIP_BUILD=1 benchmarks/runs.sh    measure the app built last
#   APP_DIR=benchmarks/target/run/apps/ext-blocking benchmarks/runs.sh   measure the app benchmarks/run.sh built
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/benchmarks/target/runs"
ROUNDS="${ROUNDS:-10}"
DURATION="${DURATION:-8}"
WARMUP="${WARMUP:-30}"
CONNECTIONS="${CONNECTIONS:-64}"
TOTAL="${TOTAL:-10000}"
RUNS="${RUNS:-3}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
mkdir -p "$OUT"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }

APP_DIR="${APP_DIR:-}"
if [ -n "$APP_DIR" ]; then
    APP_DIR="$(cd "$APP_DIR" && pwd)"
elif [ "${SKIP_BUILD:-0}" != 1 ]; then
    APP_DIR="$ROOT/benchmarks/extension-app/target/quarkus-app"
    echo "Building benchmarks/extension-app" >&2
    (cd "$ROOT" && ./mvnw -B -q -ntp install -DskipTests && ./mvnw -B -q -ntp -Pbenchmarks package -DskipTests \
        -pl benchmarks/extension-app -am) >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
else
    APP_DIR="$ROOT/benchmarks/extension-app/target/quarkus-app"
fi

BODY="$OUT/body.json"
echo '{"parameters": {"features": [0.1, 0.2, 0.7], "threshold": 0.7}}' >"$BODY"
cat >"$OUT/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA

declare -A PORT PID_OF
port=19080
start() { # name -D options
    local name="$1" opts="$2" p=$port
    port=$((port + 1))
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CPU,$CLIENT_CPU" java $JAVA_OPTS $opts -Dquarkus.http.port=$p -jar "$APP_DIR/quarkus-run.jar" \
        >"$OUT/server-$name.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data @"$BODY" \
            "http://localhost:$p/invoke")" = 200 ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$OUT/server-$name.log" >&2; exit 1; }
        sleep 0.05
    done
    PORT[$name]=$p
    PID_OF[$name]=$pid
}
stop() {
    kill "${PID_OF[$1]}" 2>/dev/null || true
    wait "${PID_OF[$1]}" 2>/dev/null || true
}
cpu_ticks() { # pid -> utime + stime, in clock ticks
    awk '{print $14 + $15}' "/proc/$1/stat"
}
rps() { # name seconds -> "req/s cpu-us-per-request"
    local before after out
    before=$(cpu_ticks "${PID_OF[$1]}")
    out=$(BODY_FILE="$BODY" taskset -c "$CLIENT_CPU" wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$OUT/post.lua" \
        "http://localhost:${PORT[$1]}/invoke")
    after=$(cpu_ticks "${PID_OF[$1]}")
    echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ {n = $1} /Requests\/sec/ {r = $2}
        END {printf "%.0f %.2f", r, (n > 0 ? ticks * 1e6 / hz / n : 0)}'
}

# ---------------------------------------------------------------- 1. the cost of recording synchronous runs
NAMES=(recorded unrecorded)
start recorded ""
start unrecorded "-Dquarkus.pipeline.runs.record=async"
if [ -n "${BASE_APP_DIR:-}" ]; then
    NAMES+=(base)
    APP_DIR_SAVED="$APP_DIR"
    APP_DIR="$(cd "$BASE_APP_DIR" && pwd)"
    start base ""
    APP_DIR="$APP_DIR_SAVED"
fi
for name in "${NAMES[@]}"; do
    rps "$name" "$WARMUP" >/dev/null
    taskset -a -p -c "$SERVER_CPU" "${PID_OF[$name]}" >/dev/null
done
: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
    # Each round starts with the next app, so that none always runs first or last (after another's load)
    for i in $(seq 0 $((${#NAMES[@]} - 1))); do
        name="${NAMES[$(((round - 1 + i) % ${#NAMES[@]}))]}"
        echo "Round $round: $name" >&2
        echo "$round $name $(rps "$name" "$DURATION")" >>"$OUT/rounds.txt"
    done
done
for name in "${NAMES[@]}"; do
    stop "$name"
done
python3 - "$OUT/rounds.txt" <<'PY' | tee "$OUT/report.md"
import statistics, sys
rounds = {}
for line in open(sys.argv[1]):
    r, name, rps, cpu = line.split()
    rounds.setdefault(name, []).append((int(r), float(rps), float(cpu)))
label = {"recorded": "all (default)", "unrecorded": "async", "base": "BASE_APP_DIR"}
print("## Recording synchronous runs: POST /invoke")
print()
print("| runs.record | req/s median | req/s spread | CPU us/request median | CPU spread |")
print("|---|---|---|---|---|")
for name, xs in rounds.items():
    rps = [x[1] for x in xs]
    cpu = [x[2] for x in xs]
    print(f"| {label[name]} | {statistics.median(rps):.0f} | {100 * (max(rps) / min(rps) - 1):.1f} % "
          f"| {statistics.median(cpu):.2f} | {100 * (max(cpu) / min(cpu) - 1):.1f} % |")
print()
def ratios(a, b, i):
    return [x[i] / y[i] for x, y in zip(rounds[a], rounds[b])]
for other in [n for n in rounds if n != "recorded"]:
    rps = ratios("recorded", other, 1)
    cpu = ratios("recorded", other, 2)
    print(f"all / {label[other]}: req/s {statistics.median(rps):.3f} (rounds {min(rps):.3f} to {max(rps):.3f}), "
          f"CPU per request {statistics.median(cpu):.3f} (rounds {min(cpu):.3f} to {max(cpu):.3f})")
PY

# ---------------------------------------------------------------- 2. asynchronous submissions
{
    echo
    echo "## $TOTAL asynchronous submissions at $CONNECTIONS connections (POST /runs, terminal event over SSE)"
    echo
} | tee -a "$OUT/report.md"
start async ""
rps async "$WARMUP" >/dev/null
taskset -a -p -c "$SERVER_CPU" "${PID_OF[async]}" >/dev/null
for run in $(seq 1 "$RUNS"); do
    echo "Async run $run" >&2
    echo "run $run:" | tee -a "$OUT/report.md"
    taskset -c "$CLIENT_CPU" java -Xmx1g "$ROOT/benchmarks/runs/AsyncRuns.java" "http://localhost:${PORT[async]}" \
        "$TOTAL" "$CONNECTIONS" | tee -a "$OUT/report.md"
done
echo "Report: $OUT/report.md" >&2
