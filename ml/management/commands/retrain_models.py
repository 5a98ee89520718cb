from django.core.management.base import BaseCommand, CommandError

from ml import trainers
from ml.services import models_retrain


class Command(BaseCommand):
    help = (
        "Train every registered model (or those named), register each new version and promote it when it does "
        "at least as well as its rule and the active version on the same held-out split."
    )

    def add_arguments(self, parser):
        parser.add_argument("--model", action="append", dest="names", metavar="NAME", help="Only this model.")

    def handle(self, *args, names: list[str] | None, **options):
        if not trainers.TRAINERS:
            self.stdout.write("No trainers are registered yet: there is no model to train.")
            return
        unknown = sorted(set(names or []) - set(trainers.TRAINERS))
        if unknown:
            raise CommandError(
                f"No trainer for {', '.join(unknown)}; registered: {', '.join(sorted(trainers.TRAINERS))}."
            )
        outcomes = models_retrain(names=names)
        for outcome in outcomes:
            self.stdout.write(outcome.describe())
        failed = [outcome.name for outcome in outcomes if outcome.failed]
        if failed:
            raise CommandError(f"Training failed for {', '.join(failed)} (see the log).")
