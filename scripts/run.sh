#!/usr/bin/env bash
# Starts the platform for development: a Celery worker (every queue, highest priority first) with beat
# and Flower in the background, and the web server in the foreground. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"

.venv/bin/celery -A nzila_export worker --beat --loglevel=INFO --concurrency=2 \
  --queues=critical,default,messages,reports --schedule="${TMPDIR:-/tmp}/nzila-celerybeat-schedule" &
celery_pid=$!
# Flower on 127.0.0.1 only: staff reach it through Django's sign-in at /ops/flower/ (operations.flower).
.venv/bin/celery -A nzila_export flower --address=127.0.0.1 --port=5555 --url_prefix=ops/flower >/dev/null 2>&1 &
flower_pid=$!
trap 'kill "$celery_pid" "$flower_pid" 2>/dev/null || true' EXIT

cat <<INFO

  Nzila Export Hub is starting.
    API          http://127.0.0.1:${PORT}/api/v1/
    API docs     http://127.0.0.1:${PORT}/api/docs/   (ReDoc: /api/redoc/)
    Admin        http://127.0.0.1:${PORT}/admin/       (sign in as staff)
    Health       http://127.0.0.1:${PORT}/api/v1/health/
    Flower       http://127.0.0.1:${PORT}/ops/flower/  (sign in as staff)
  Demo accounts are listed above (seed_demo). Messages are printed to this console.

INFO
.venv/bin/python manage.py runserver "127.0.0.1:${PORT}"
