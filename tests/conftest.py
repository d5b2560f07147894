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


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from shutil import which
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        pytest.skip(f"selenium is not installed ({exc})")
    chromium, driver = which("chromium"), which("chromedriver")
    if not chromium or not driver:
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                    "chromium-driver); .ci/run installs them where apt-get can")
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1300"):
        opts.add_argument(arg)
    # a profile in pytest's temporary folders, which it cleans, instead of one left in /tmp by each run
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.binary_location = chromium
    session = webdriver.Chrome(service=Service(driver), options=opts)
    yield session
    session.quit()
