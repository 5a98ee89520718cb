"""The LOGGING dictionary: readable lines in development, JSON lines in production."""

LOG_FILE_MAX_BYTES = 15 * 1024 * 1024
LOG_FILE_BACKUPS = 10


def build_logging_config(*, json_lines: bool, level: str, log_file: str) -> dict:
    formatter = "json" if json_lines else "readable"
    handlers = {"console": {"class": "logging.StreamHandler", "formatter": formatter}}
    if log_file:
        handlers["file"] = {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": log_file,
            "maxBytes": LOG_FILE_MAX_BYTES,
            "backupCount": LOG_FILE_BACKUPS,
            "formatter": formatter,
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "readable": {"format": "{asctime} {levelname:<7} {name}: {message}", "style": "{"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": handlers,
        "root": {"handlers": list(handlers), "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "celery": {"level": level},
            # WeasyPrint and the font subsetter it uses log each step of every PDF at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
