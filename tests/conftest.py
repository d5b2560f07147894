import atexit
import json
import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

# compiled rule sets are cached between runs; the tests use a cache of their own, removed when they end
if "LEDGERLINT_CACHE_DIR" not in os.environ:
    os.environ["LEDGERLINT_CACHE_DIR"] = _TEST_CACHE = tempfile.mkdtemp(prefix="ledgerlint-test-cache-")
    atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "2023-erguna-waishi" / "disclosure.json"
SYNTHETIC = [EXAMPLES / "2023-synthetic-shiye" / "disclosure.json",
             EXAMPLES / "2023-synthetic-xingzheng" / "disclosure.json"]
RULES = ROOT / "rules"


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)


@pytest.fixture
def seed():
    from ledgerlint.checking.loading import load
    return load(SEED)


@pytest.fixture
def runner():
    from click.testing import CliRunner
    return CliRunner()
