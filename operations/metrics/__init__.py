"""Prometheus metrics: requests, database queries and Celery tasks counted where they happen, business
counts read at scrape time, all served at /metrics (README, Operations)."""
