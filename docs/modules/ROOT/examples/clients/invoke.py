"""Invokes the fraud-scoring pipeline with Python's requests, as any HTTP client of a ZenML deployment would."""
import os

import requests

url = os.environ.get("PIPELINE_URL", "http://localhost:8080")
key = os.environ.get("PIPELINE_API_KEY")  # only when quarkus.pipeline.auth.api-keys is set

response = requests.post(
    f"{url}/invoke",
    json={"parameters": {"features": [0.1, 0.2, 0.7], "threshold": 0.7}},
    headers={"Authorization": f"Bearer {key}"} if key else {},
    timeout=30,
)
if response.status_code != 200:  # 401 without a valid key, 422 for bad parameters, 503 when the queue is full
    raise SystemExit(f"{response.status_code}: {response.json()['detail']}")
body = response.json()
if not body["success"]:  # the pipeline raised: still a 200, with the error in the envelope
    raise SystemExit(f"pipeline failed: {body['error']}")
print(body["outputs"]["score"], body["outputs"]["flagged"], body["metadata"]["run_id"])
