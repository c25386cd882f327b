"""Makes the framework-neutral helpers of tests/ (such as `_cancel_deps.py`) importable
by the tests below it, tests/compat included (pytest runs with --import-mode=importlib,
which adds no test folder to `sys.path`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
