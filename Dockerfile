FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=nzila_export.settings_production
WORKDIR /app

# WeasyPrint (invoice PDFs) draws text with Pango and subsets fonts fastest with HarfBuzz-Subset; the backups
# (operations.backups) run pg_dump and pg_restore, of the server's major version or newer.
RUN apt-get update && apt-get install --no-install-recommends -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    postgresql-client && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic needs settings to load; the real secrets come from the environment at run time.
RUN SECRET_KEY=build-only-key-that-is-long-enough-for-the-settings-check-000 ALLOWED_HOSTS=build \
    FIELD_ENCRYPTION_KEYS=build-only python manage.py collectstatic --noinput

RUN useradd --create-home nzila
USER nzila
EXPOSE 8000
CMD ["gunicorn", "nzila_export.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
