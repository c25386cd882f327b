"""Makes the corpus harness (`_corpus.py`) importable by the compat tests."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
