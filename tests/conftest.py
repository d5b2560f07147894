import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

# compiled rule sets are cached between runs; the tests use a cache of their own
os.environ.setdefault("LEDGERLINT_CACHE_DIR", tempfile.mkdtemp(prefix="ledgerlint-test-cache-"))

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
