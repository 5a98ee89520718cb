"""A real browser for the staff journeys: Debian's headless Chromium driven through its chromedriver, both
installed by `make chromium` (a prerequisite of `make test`). Selenium Manager is not used: the driver
and the browser are given by path, so a test run downloads nothing.

One browser per test module (module scope): under `--dist loadfile` a module runs whole on one worker,
so each worker starts Chromium at most once per module. Each test signs in afresh (cookies cleared).

The final page of each journey is saved as a PNG in BROWSER_ARTIFACTS_DIR (default: artifacts/browser/
at the repository's root), and the page a failed test was on as `<test>-failed.png`."""

import os
import shutil
from contextlib import suppress
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

# Stripe's test server, for the held card payment approved in the admin (payments' own fixtures).
from payments.tests.conftest import localstripe_url, on_stripe  # noqa: F401

REPOSITORY = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
WINDOW = "1920,1080"  # wide enough for every column of the lists in the screenshots
FAILED = pytest.StashKey[bool]()


def artifacts_dir() -> Path:
    folder = Path(os.environ.get("BROWSER_ARTIFACTS_DIR") or REPOSITORY / "artifacts" / "browser")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromedriver).exists() and Path(CHROMIUM).exists()):
        pytest.fail("Chromium and its driver are missing: `make chromium` installs them (Debian packages).")
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={WINDOW}",
                     "--lang=en-US", "--disable-gpu", "--disable-extensions"):  # fmt: skip
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})  # the admin in English
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


@pytest.fixture(autouse=True)
def _fresh_session_and_a_screenshot_on_failure(request, browser):
    failed_shot = artifacts_dir() / f"{request.node.name}-failed.png"
    failed_shot.unlink(missing_ok=True)  # an earlier run's
    browser.delete_all_cookies()
    yield
    if request.node.stash.get(FAILED, False):
        with suppress(WebDriverException):  # the browser itself may be gone: the failure says why
            browser.save_screenshot(str(failed_shot))


@pytest.fixture
def screenshot(browser):
    """`screenshot("journey")` keeps the page shown as artifacts/browser/journey.png; returns its path."""

    def save(name: str) -> Path:
        path = artifacts_dir() / f"{name}.png"
        assert browser.save_screenshot(str(path)), f"No screenshot of {name}"
        return path

    return save
