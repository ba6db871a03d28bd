#!/usr/bin/env bash
# Measures the extension's invoke against a hand-written Quarkus REST resource and a raw Vert.x route doing the same
# work, side by side, in one run. See docs/modules/ROOT/pages/performance.adoc for what it prints and why.
#
#   benchmarks/run.sh                 the comparison (about 15 minutes on 2 cores)
#   ROUNDS=1 DURATION=5 WARMUP=5 SCALING=0 benchmarks/run.sh    a quick smoke run
#
# The servers run pinned to CPU 0, wrk to CPU 1. Every process it starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/benchmarks/target/run"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
SCALING="${SCALING:-1}"
STARTS="${STARTS:-3}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"

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

need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "Installing $2 (apt-get)" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk
need taskset util-linux
need curl curl
need python3 python3

mkdir -p "$OUT"
cd "$ROOT"

# ---------------------------------------------------------------- build: one packaged jar per variant
build() { # name, extra maven args...
    local name="$1"
    shift
    echo "Building $name" >&2
    ./mvnw -B -q -ntp -Pbenchmarks package -DskipTests -pl "benchmarks/$APP_MODULE" -am "$@" >"$OUT/build-$name.log" 2>&1 \
        || { cat "$OUT/build-$name.log" >&2; exit 1; }
    rm -rf "$OUT/apps/$name"
    mkdir -p "$OUT/apps"
    cp -r "benchmarks/$APP_MODULE/target/quarkus-app" "$OUT/apps/$name"
}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -B -q -ntp install -DskipTests >"$OUT/build-extension.log" 2>&1 || { cat "$OUT/build-extension.log" >&2; exit 1; }
    APP_MODULE=extension-app build ext-blocking
    APP_MODULE=extension-app build ext-nonblocking -Dquarkus.pipeline.name=fraud_scoring_nb
    MW=io.quarkiverse.pipelinedeployment.bench.extension.Middlewares
    APP_MODULE=extension-app build ext-middleware \
        "-Dquarkus.pipeline.custom-middlewares.a.class=$MW\$RequestId" \
        "-Dquarkus.pipeline.custom-middlewares.b.class=$MW\$Timing" \
        "-Dquarkus.pipeline.custom-middlewares.c.class=$MW#tag" \
        "-Dquarkus.pipeline.custom-middlewares.c.init-args.tag=bench"
    APP_MODULE=rest-app build rest
    APP_MODULE=vertx-app build vertx
fi

# ---------------------------------------------------------------- bodies and the wrk script
body() { # features count -> a request body file
    python3 - "$1" "$OUT/body-$1.json" <<'PY'
import json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(n)
features = [round(random.uniform(-1, 1), 6) for _ in range(n)]
open(path, "w").write(json.dumps({"parameters": {"features": features, "threshold": 0.7}}))
PY
    echo "$OUT/body-$1.json"
}
BODY_SMALL="$(body 3)"
cat >"$OUT/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = "https://app.example.com"
local key = os.getenv("API_KEY")
if key and key ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. key
end
LUA

# ---------------------------------------------------------------- the apps: name | variant dir | invoke path | -D options
APPS=(
    "ext-blocking|ext-blocking|/invoke|"
    "rest-blocking|rest|/invoke|"
    "ext-nonblocking|ext-nonblocking|/invoke|"
    "rest-nonblocking|rest|/invoke-nb|"
    "vertx|vertx|/invoke|"
)
declare -A PORT PID_OF PATH_OF STARTUP
port=18080

start() { # name dir path opts
    local name="$1" dir="$2" path="$3" opts="$4"
    local p=$port
    port=$((port + 1))
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CPU,$CLIENT_CPU" java $JAVA_OPTS $opts -Dquarkus.http.port=$p -jar "$OUT/apps/$dir/quarkus-run.jar" \
        >"$OUT/server-$name.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    for _ in $(seq 1 600); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            ${API_KEY:+-H "Authorization: Bearer $API_KEY"} --data @"$BODY_SMALL" "http://localhost:$p$path")" = 200 ]; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$OUT/server-$name.log" >&2; exit 1; }
        sleep 0.05
    done
    PORT[$name]=$p
    PID_OF[$name]=$pid
    PATH_OF[$name]=$path
}

startup_ms() { # dir path opts -> the median, over STARTS fresh starts, of the time from launch to the first 200
    local dir="$1" path="$2" opts="$3" times=()
    for _ in $(seq 1 "$STARTS"); do
        local begin pid ok=0
        begin=$(date +%s%N)
        # shellcheck disable=SC2086
        taskset -c "$SERVER_CPU,$CLIENT_CPU" java $JAVA_OPTS $opts -Dquarkus.http.port=18999 \
            -jar "$OUT/apps/$dir/quarkus-run.jar" >"$OUT/startup-$dir.log" 2>&1 &
        pid=$!
        PIDS+=("$pid")
        for _ in $(seq 1 2000); do
            if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
                --data @"$BODY_SMALL" "http://localhost:18999$path")" = 200 ]; then
                ok=1
                break
            fi
            sleep 0.01
        done
        times+=($((($(date +%s%N) - begin) / 1000000)))
        kill "$pid" && wait "$pid" 2>/dev/null || true
        [ "$ok" = 1 ] || { cat "$OUT/startup-$dir.log" >&2; exit 1; }
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((STARTS + 1) / 2))p"
}

verify() { # name: the right JSON and the headers, before any measurement
    local name="$1"
    curl -s -D "$OUT/headers-$name.txt" -o "$OUT/answer-$name.json" -H 'Content-Type: application/json' \
        -H 'Origin: https://app.example.com' ${API_KEY:+-H "Authorization: Bearer $API_KEY"} \
        --data @"$BODY_SMALL" "http://localhost:${PORT[$name]}${PATH_OF[$name]}"
    python3 - "$name" "$OUT/answer-$name.json" "$OUT/headers-$name.txt" "$BODY_SMALL" <<'PY'
import json, math, sys
name, answer, headers = sys.argv[1], json.load(open(sys.argv[2])), open(sys.argv[3]).read().lower()
params = json.load(open(sys.argv[4]))["parameters"]
# FraudModel, in Python: unit-length features, then the logistic score
f = params["features"]
norm = math.sqrt(sum(v * v for v in f))
weights = [2.1, -0.7, 1.4, 0.9, -1.2, 0.5]
z = -0.3 + sum(weights[i % 6] * (v / norm) for i, v in enumerate(f))
score = 1 / (1 + math.exp(-z))
assert answer["success"] is True, (name, answer)
assert abs(answer["outputs"]["score"] - score) < 1e-9, (name, answer["outputs"], score)
assert answer["outputs"]["flagged"] is (score > params["threshold"]), (name, answer["outputs"])
assert [s["name"] for s in answer["metadata"]["steps"]] == ["normalize", "score"], (name, answer["metadata"])
for h in ["content-security-policy", "x-frame-options", "x-content-type-options", "strict-transport-security",
          "referrer-policy", "cache-control", "permissions-policy", "access-control-allow-origin"]:
    assert h + ":" in headers, (name, "missing header " + h)
PY
}

pin() { # name: every thread of the server onto the server CPU
    taskset -a -p -c "$SERVER_CPU" "${PID_OF[$1]}" >/dev/null
}

run_wrk() { # name connections duration body -> "rps p50_ms p99_ms non2xx errors"
    local name="$1" c="$2" d="$3" b="$4" threads=1
    [ "$c" -ge 2 ] && threads=2
    BODY_FILE="$b" taskset -c "$CLIENT_CPU" wrk -t"$threads" -c"$c" -d"${d}s" --latency -s "$OUT/post.lua" \
        "http://localhost:${PORT[$name]}${PATH_OF[$name]}" >"$OUT/wrk-$name-$c-$(basename "$b").txt" 2>&1
    python3 - "$OUT/wrk-$name-$c-$(basename "$b").txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    x = float(m.group(1))
    return x / 1000 if m.group(2) == "us" else x * 1000 if m.group(2) == "s" else x
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"(?m)^\s+50%\s+(\S+)", t).group(1))
p99 = ms(re.search(r"(?m)^\s+99%\s+(\S+)", t).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {int(non2xx.group(1)) if non2xx else 0} "
      f"{sum(int(g) for g in errors.groups()) if errors else 0}")
PY
}

rss_mb() {
    awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/${PID_OF[$1]}/status"
}

# ---------------------------------------------------------------- startup: median of fresh starts, nothing else running
for entry in "${APPS[@]}"; do
    IFS='|' read -r name dir path opts <<<"$entry"
    echo "Startup of $name ($STARTS starts)" >&2
    STARTUP[$name]="$(startup_ms "$dir" "$path" "$opts")"
done

# ---------------------------------------------------------------- start, verify, warm up, pin
for entry in "${APPS[@]}"; do
    IFS='|' read -r name dir path opts <<<"$entry"
    start "$name" "$dir" "$path" "$opts"
    verify "$name"
done
echo "All apps answer the same JSON and headers" >&2
for entry in "${APPS[@]}"; do
    IFS='|' read -r name _ <<<"$entry"
    echo "Warming up $name (${WARMUP}s on both CPUs)" >&2
    run_wrk "$name" "$CONNECTIONS" "$WARMUP" "$BODY_SMALL" >/dev/null
    pin "$name"
    run_wrk "$name" "$CONNECTIONS" 5 "$BODY_SMALL" >/dev/null
done

# ---------------------------------------------------------------- the comparison: rounds, alternating the apps
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
    for entry in "${APPS[@]}"; do
        IFS='|' read -r name _ <<<"$entry"
        echo "Round $round: $name" >&2
        RESULTS[$name]+="$(run_wrk "$name" "$CONNECTIONS" "$DURATION" "$BODY_SMALL");"
    done
done

report() {
    python3 - "$@" <<'PY'
import statistics, sys
rows = {}
args = sys.argv[1:]
for i in range(0, len(args), 4):
    name, runs, startup, rss = args[i], args[i + 1], args[i + 2], args[i + 3]
    samples = [list(map(float, r.split())) for r in runs.split(";") if r.strip()]
    med = lambda k: statistics.median(s[k] for s in samples)
    rows[name] = dict(rps=med(0), p50=med(1), p99=med(2), non2xx=sum(s[3] for s in samples),
                      errors=sum(s[4] for s in samples), startup=float(startup), rss=float(rss))
def ratio(a, b, k):
    return rows[a][k] / rows[b][k] if b in rows and rows[b][k] else float("nan")
pairs = {"ext-blocking": "rest-blocking", "ext-nonblocking": "rest-nonblocking"}
print("| app | req/s | p50 ms | p99 ms | non-2xx | socket errors | startup ms | RSS MB | req/s vs hand-written "
      "| p99 vs hand-written | startup vs hand-written | RSS vs hand-written | req/s vs Vert.x |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for name, r in rows.items():
    ref = pairs.get(name)
    cells = [f"{ratio(name, ref, k):.2f}" if ref else "" for k in ("rps", "p99", "startup", "rss")]
    print(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['non2xx']:.0f} | {r['errors']:.0f} "
          f"| {r['startup']:.0f} | {r['rss']:.0f} | " + " | ".join(cells) + f" | {ratio(name, 'vertx', 'rps'):.2f} |")
PY
}

ARGS=()
for entry in "${APPS[@]}"; do
    IFS='|' read -r name _ <<<"$entry"
    ARGS+=("$name" "${RESULTS[$name]}" "${STARTUP[$name]}" "$(rss_mb "$name")")
done
{
    echo "## Comparison: $CONNECTIONS connections, ${DURATION}s x $ROUNDS rounds, medians"
    echo
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
    echo
    report "${ARGS[@]}"
} | tee "$OUT/report.md"

# ---------------------------------------------------------------- how the cost grows
if [ "$SCALING" = 1 ]; then
    {
        echo
        echo "## Growth (one ${DURATION}s run each; req/s, p99 ms)"
        echo
        echo "| case | ext-blocking | rest-blocking | ratio |"
        echo "|---|---|---|---|"
        for size in 1KB:100 100KB:10000 1MB:100000; do
            label="${size%%:*}"
            b="$(body "${size##*:}")"
            e="$(run_wrk ext-blocking "$CONNECTIONS" "$DURATION" "$b")"
            r="$(run_wrk rest-blocking "$CONNECTIONS" "$DURATION" "$b")"
            echo "| body $label ($(($(stat -c %s "$b") / 1024)) KiB) | ${e%% *} req/s, p99 $(echo "$e" | cut -d' ' -f3) | ${r%% *} req/s, p99 $(echo "$r" | cut -d' ' -f3) | $(python3 -c "print(f'{${e%% *}/max(1,${r%% *}):.2f}')") |"
        done
        for c in 1 16 64 256; do
            e="$(run_wrk ext-blocking "$c" "$DURATION" "$BODY_SMALL")"
            r="$(run_wrk rest-blocking "$c" "$DURATION" "$BODY_SMALL")"
            echo "| $c connections | ${e%% *} req/s, p99 $(echo "$e" | cut -d' ' -f3) | ${r%% *} req/s, p99 $(echo "$r" | cut -d' ' -f3) | $(python3 -c "print(f'{${e%% *}/max(1,${r%% *}):.2f}')") |"
        done
    } | tee -a "$OUT/report.md"
    # Auth on, and three custom middlewares: against the default extension app
    API_KEY=bench-key start ext-auth ext-blocking /invoke "-Dquarkus.pipeline.auth.api-keys=bench-key"
    API_KEY=bench-key verify ext-auth
    start ext-middleware ext-middleware /invoke ""
    verify ext-middleware
    for name in ext-auth ext-middleware; do
        key=""
        [ "$name" = ext-auth ] && key=bench-key
        API_KEY="$key" run_wrk "$name" "$CONNECTIONS" "$WARMUP" "$BODY_SMALL" >/dev/null
        pin "$name"
    done
    {
        base="$(run_wrk ext-blocking "$CONNECTIONS" "$DURATION" "$BODY_SMALL")"
        auth="$(API_KEY=bench-key run_wrk ext-auth "$CONNECTIONS" "$DURATION" "$BODY_SMALL")"
        mw="$(run_wrk ext-middleware "$CONNECTIONS" "$DURATION" "$BODY_SMALL")"
        echo "| ext-blocking, auth on | ${auth%% *} req/s, p99 $(echo "$auth" | cut -d' ' -f3) | ext-blocking ${base%% *} req/s | $(python3 -c "print(f'{${auth%% *}/max(1,${base%% *}):.2f}')") |"
        echo "| ext-blocking, 3 custom middlewares | ${mw%% *} req/s, p99 $(echo "$mw" | cut -d' ' -f3) | ext-blocking ${base%% *} req/s | $(python3 -c "print(f'{${mw%% *}/max(1,${base%% *}):.2f}')") |"
    } | tee -a "$OUT/report.md"
fi
echo "Report: $OUT/report.md" >&2
