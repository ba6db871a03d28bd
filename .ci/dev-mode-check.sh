#!/usr/bin/env bash
# The README's first command: the example service in dev mode answers invoke on http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.."
if curl -s -o /dev/null --max-time 2 http://localhost:8080/; then
    echo "dev-mode check: something already answers on port 8080" >&2
    exit 1
fi
log=$(mktemp)
setsid ./mvnw quarkus:dev -pl integration-tests -am -B -ntp </dev/null >"${log}" 2>&1 &
pid=$!
stop() {
    kill -TERM -- "-${pid}" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "${pid}" 2>/dev/null || return 0; sleep 1; done
    kill -KILL -- "-${pid}" 2>/dev/null || true
}
trap stop EXIT
body=""
for _ in $(seq 1 300); do
    if ! kill -0 "${pid}" 2>/dev/null; then
        tail -50 "${log}"
        echo "dev-mode check: ./mvnw quarkus:dev exited before invoke answered" >&2
        exit 1
    fi
    body=$(curl -s --max-time 5 -X POST http://localhost:8080/invoke -H 'Content-Type: application/json' \
        -d '{"parameters": {"features": [0.1, 0.2, 0.7], "threshold": 0.7}}' || true)
    case "${body}" in *'"success":true'*) break ;; esac
    sleep 1
done
case "${body}" in
    *'"success":true'*) echo "dev-mode check: POST http://localhost:8080/invoke answered ${body:0:80}..." ;;
    *) tail -50 "${log}"; echo "dev-mode check: invoke did not answer within 300 s" >&2; exit 1 ;;
esac
