#!/usr/bin/env bash
# The Redis run store (quarkus.pipeline.runs.store=redis), against a redis-server this script starts on a free port:
#  1. recording synchronous invocations in Redis against in memory (runs.record=all, the default, both): the extension
#     app and the same app built with the Redis store, wrk POST /invoke at CONNECTIONS (64), ROUNDS (6) alternating
#     rounds of DURATION (10) s: req/s, p99 and the server's CPU time per request; and the Redis commands one run
#     costs (INFO commandstats);
#  2. TOTAL (10000) asynchronous runs (POST /runs, terminal event over SSE, benchmarks/runs/AsyncRuns.java) over one
#     replica, then over two replicas sharing the Redis: submissions/s, completions/s, p99 from submission to the
#     terminal event; and the Redis commands per run.
# The apps run on SERVER_CPU (0), wrk, the async client and Redis on CLIENT_CPU (1): two replicas share one core, so
# part 2 measures what sharing costs, not scaling. Report: benchmarks/target/runs-redis/report.md. SKIP_BUILD=1 uses
# the apps already built (MEMORY_APP_DIR, REDIS_APP_DIR: their quarkus-app folders); PARTS=sync or PARTS=async runs
# one part.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/benchmarks/target/runs-redis"
ROUNDS="${ROUNDS:-6}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
TOTAL="${TOTAL:-10000}"
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
command -v redis-server >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq redis-server >/dev/null; }

MEMORY_APP="${MEMORY_APP_DIR:-$ROOT/benchmarks/extension-app/target/quarkus-app}"
REDIS_APP="${REDIS_APP_DIR:-$ROOT/benchmarks/redis-app/target/quarkus-app}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "Building benchmarks/extension-app and benchmarks/redis-app" >&2
    (cd "$ROOT" && ./mvnw -B -q -ntp install -DskipTests && ./mvnw -B -q -ntp -Pbenchmarks package -DskipTests \
        -pl benchmarks/extension-app,benchmarks/redis-app -am) >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
fi

# Redis: its own port, folder and core, nothing saved
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$OUT/redis"
taskset -c "$CLIENT_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$OUT/redis" --save "" \
    --appendonly no >"$OUT/redis.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
commands() { # the commands Redis has executed so far
    redis-cli -p "$REDIS_PORT" info commandstats | awk -F'[=,:]' '/^cmdstat_/ {n += $3} END {print n + 0}'
}

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
port=19180
start() { # name app-dir [-D options]
    local name="$1" dir="$2" opts="${3:-}" p=$port
    port=$((port + 1))
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CPU" java $JAVA_OPTS $opts -Dquarkus.http.port=$p -Dquarkus.redis.hosts="redis://127.0.0.1:$REDIS_PORT" \
        -jar "$dir/quarkus-run.jar" >"$OUT/server-$name.log" 2>&1 &
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
load() { # name seconds -> "req/s p99-ms cpu-us-per-request requests"
    local before after out
    before=$(cpu_ticks "${PID_OF[$1]}")
    out=$(BODY_FILE="$BODY" taskset -c "$CLIENT_CPU" wrk -t2 -c"$CONNECTIONS" -d"$2s" --latency -s "$OUT/post.lua" \
        "http://localhost:${PORT[$1]}/invoke")
    after=$(cpu_ticks "${PID_OF[$1]}")
    echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /requests in/ {n = $1} /Requests\/sec/ {r = $2} $1 == "99%" {p = ms($2)}
        END {printf "%.0f %.2f %.2f %d", r, p, (n > 0 ? ticks * 1e6 / hz / n : 0), n}'
}

PARTS="${PARTS:-sync,async}"
: >"$OUT/report.md"
# ---------------------------------------------------------------- 1. synchronous invocations, recorded
if [[ "$PARTS" == *sync* && "$PARTS" != async ]]; then
start memory "$MEMORY_APP"
start redis "$REDIS_APP"
for name in memory redis; do
    load "$name" "$WARMUP" >/dev/null
done
: >"$OUT/rounds.txt"
SYNC_COMMANDS=0
SYNC_REQUESTS=0
for round in $(seq 1 "$ROUNDS"); do
    for name in memory redis; do
        echo "Round $round: $name" >&2
        before=$(commands)
        result=$(load "$name" "$DURATION")
        after=$(commands)
        echo "$round $name $result" >>"$OUT/rounds.txt"
        if [ "$name" = redis ]; then
            SYNC_COMMANDS=$((SYNC_COMMANDS + after - before))
            SYNC_REQUESTS=$((SYNC_REQUESTS + $(echo "$result" | awk '{print $4}')))
        fi
    done
done
stop memory
stop redis
python3 - "$OUT/rounds.txt" "$SYNC_COMMANDS" "$SYNC_REQUESTS" <<'PY' | tee -a "$OUT/report.md"
import statistics, sys
rounds = {}
for line in open(sys.argv[1]):
    r, name, rps, p99, cpu, n = line.split()
    rounds.setdefault(name, []).append((float(rps), float(p99), float(cpu)))
print("## Synchronous invocations recorded in Redis (runs.record=all): POST /invoke")
print()
print("| runs.store | req/s median | req/s spread | p99 ms median | CPU us/request median |")
print("|---|---|---|---|---|")
for name, xs in rounds.items():
    rps = [x[0] for x in xs]
    print(f"| {name} | {statistics.median(rps):.0f} | {100 * (max(rps) / min(rps) - 1):.1f} % "
          f"| {statistics.median(x[1] for x in xs):.2f} | {statistics.median(x[2] for x in xs):.2f} |")
print()
for i, what in ((0, "req/s"), (1, "p99"), (2, "CPU per request")):
    ratios = [r[i] / m[i] for r, m in zip(rounds["redis"], rounds["memory"])]
    print(f"redis / memory, {what}: median {statistics.median(ratios):.3f} (rounds {min(ratios):.3f} to {max(ratios):.3f})")
print()
print(f"Redis commands per synchronous run: {int(sys.argv[2]) / max(1, int(sys.argv[3])):.2f}")
PY
fi

# ---------------------------------------------------------------- 2. asynchronous runs over one and two replicas
async_runs() { # label urls
    redis-cli -p "$REDIS_PORT" flushall >/dev/null
    local before after
    before=$(commands)
    printf '\n### %s\n' "$1" | tee -a "$OUT/report.md"
    # AsyncRuns exits with 1 when a submission was not taken or a run did not complete: so does this script
    taskset -c "$CLIENT_CPU" java -Xmx1g "$ROOT/benchmarks/runs/AsyncRuns.java" "$2" "$TOTAL" "$CONNECTIONS" \
        | tee -a "$OUT/report.md"
    after=$(commands)
    echo "Redis commands per asynchronous run (the client's SSE follow included):" \
        "$(python3 -c "print(f'{($after - $before) / $TOTAL:.2f}')")" | tee -a "$OUT/report.md"
}
[[ "$PARTS" == *async* ]] || exit 0
{
    echo
    echo "## $TOTAL asynchronous runs at $CONNECTIONS connections, one Redis (POST /runs, terminal event over SSE)"
} | tee -a "$OUT/report.md"
# The shared queue holds every submission (max-queued-invocations, 1000 by default, would turn the burst away with 503)
ASYNC_OPTS="-Dquarkus.pipeline.max-queued-invocations=$TOTAL"
start one "$REDIS_APP" "$ASYNC_OPTS"
load one "$WARMUP" >/dev/null
async_runs "1 replica" "http://localhost:${PORT[one]}"
start two "$REDIS_APP" "$ASYNC_OPTS"
load two "$WARMUP" >/dev/null
async_runs "2 replicas (one core between them)" "http://localhost:${PORT[one]},http://localhost:${PORT[two]}"
echo "Report: $OUT/report.md" >&2
