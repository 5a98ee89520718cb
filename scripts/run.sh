#!/usr/bin/env bash
# Starts the platform for development: a Celery worker with beat in the background and the web
# server in the foreground. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"

.venv/bin/celery -A nzila_export worker --beat --loglevel=INFO --concurrency=2 \
  --schedule="${TMPDIR:-/tmp}/nzila-celerybeat-schedule" &
celery_pid=$!
trap 'kill "$celery_pid" 2>/dev/null || true' EXIT

cat <<INFO

  Nzila Export Hub is starting.
    API          http://127.0.0.1:${PORT}/api/v1/
    API docs     http://127.0.0.1:${PORT}/api/docs/   (ReDoc: /api/redoc/)
    Admin        http://127.0.0.1:${PORT}/admin/       (sign in as staff)
    Health       http://127.0.0.1:${PORT}/api/v1/health/
  Demo accounts are listed above (seed_demo). Messages are printed to this console.

INFO
.venv/bin/python manage.py runserver "127.0.0.1:${PORT}"
