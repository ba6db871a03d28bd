#!/bin/sh
# Invokes the fraud-scoring pipeline with curl; the API key goes in the Authorization header as a bearer token
curl --fail-with-body -sS --max-time 30 -X POST "${PIPELINE_URL:-http://localhost:8080}/invoke" \
     -H "Authorization: Bearer ${PIPELINE_API_KEY}" \
     -H 'Content-Type: application/json' \
     -d '{"parameters": {"features": [0.1, 0.2, 0.7], "threshold": 0.7}}'
