import atexit
import os
import shutil
import tempfile

import pytest

from helpers import SEED

# compiled rule sets are cached between runs; the tests use a cache of their own, removed when they end
if "LEDGERLINT_CACHE_DIR" not in os.environ:
    os.environ["LEDGERLINT_CACHE_DIR"] = _TEST_CACHE = tempfile.mkdtemp(prefix="ledgerlint-test-cache-")
    atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)


@pytest.fixture
def seed():
    from ledgerlint.checking.loading import load
    return load(SEED)


@pytest.fixture
def runner():
    from click.testing import CliRunner
    return CliRunner()
