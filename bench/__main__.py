"""`python -m bench`: the benchmarks (bench/cli.py)."""

import sys

from bench.cli import main

sys.exit(main())
