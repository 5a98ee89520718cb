"""`make bench`: run every benchmark script in this folder, one after the other; exit 1 when any failed or
missed its target (each says which), after all have run."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(path for path in HERE.glob("*.py") if path.name != "run.py" and not path.name.startswith("_"))
    missed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            missed.append(script.name)
    if missed:
        print(f"failed or missed a target: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
