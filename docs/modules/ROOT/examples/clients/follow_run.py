"""Starts a fraud-scoring run without waiting for it, follows its events live (resuming after a dropped connection),
then reads its result. Submitting again with the same Idempotency-Key after a network error never runs it twice."""
import os
import time
import uuid

import requests

url = os.environ.get("PIPELINE_URL", "http://localhost:8080")
key = os.environ.get("PIPELINE_API_KEY")  # only when quarkus.pipeline.auth.api-keys is set
auth = {"Authorization": f"Bearer {key}"} if key else {}
TERMINAL = {"run_completed", "run_failed", "run_timed_out", "run_cancelled"}


def submit(body):
    """POST /runs, retried on network errors with the same key: the pipeline runs once."""
    headers = dict(auth, **{"Idempotency-Key": str(uuid.uuid4())})
    for attempt in range(5):
        try:
            response = requests.post(f"{url}/runs", json=body, headers=headers, timeout=30)
        except requests.ConnectionError:
            time.sleep(2**attempt)
            continue
        if response.status_code == 503:  # the queue is full: wait as told, then retry with the same key
            time.sleep(int(response.headers.get("Retry-After", "1")))
            continue
        if response.status_code != 202:
            raise SystemExit(f"{response.status_code}: {response.json()['detail']}")
        return response.json()
    raise SystemExit("the service could not take the run")


def events(run_id):
    """Yields (id, kind, data text) until the terminal event, reconnecting with Last-Event-ID when the stream drops."""
    last_id = None
    while True:
        headers = dict(auth, Accept="text/event-stream")
        if last_id is not None:
            headers["Last-Event-ID"] = str(last_id)
        try:
            with requests.get(f"{url}/runs/{run_id}/events", headers=headers, stream=True, timeout=(5, 60)) as r:
                r.raise_for_status()
                event = {}
                for line in r.iter_lines(decode_unicode=True):
                    if line:
                        if not line.startswith(":"):  # ": keepalive" comments keep proxies from closing the stream
                            field, _, value = line.partition(": ")
                            event[field] = value
                        continue
                    if "event" in event:
                        if "id" in event:  # a "gap" event has no id: older events were dropped
                            last_id = int(event["id"])
                        yield last_id, event["event"], event.get("data")
                        if event["event"] in TERMINAL:
                            return
                    event = {}
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError, requests.Timeout):
            time.sleep(1)  # reconnect, resuming after the last event seen


run = submit({"parameters": {"features": [0.1, 0.2, 0.7], "threshold": 0.7}})
for event_id, kind, data in events(run["run_id"]):
    print(event_id, kind, data if kind.startswith("step_") else "")

result = requests.get(f"{url}/runs/{run['run_id']}/result", params={"wait": 60}, headers=auth, timeout=70).json()
if not result["success"]:
    raise SystemExit(f"run failed: {result['error']}")
print(result["outputs"]["score"], result["outputs"]["flagged"], result["metadata"]["run_id"])
