"""Selenium fixtures: a headless Chromium driving the live test server.

Browser tests skip on a machine without Chromium, except when
FILMTRACKER_E2E_REQUIRED is set (CI sets it): then a missing browser fails
the run, so CI can never pass without running them.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

ARTIFACTS_DIR = Path(os.environ.get("E2E_ARTIFACTS_DIR", "test-artifacts/e2e"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
]


def _find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def _unavailable(reason):
    if os.environ.get("FILMTRACKER_E2E_REQUIRED"):
        pytest.fail(f"browser tests are required here but cannot run: {reason}")
    pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def browser(request, live_server):
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if not (chromium and driver_path):
        _unavailable("Chromium and ChromeDriver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    # Every request the page makes, so tests can check none leaves our host.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # The console, for tests that check it (CSP violations are logged there).
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as e:
        _unavailable(f"Chromium did not start: {e.msg}")
    driver.implicitly_wait(0)
    driver.live_server_url = live_server.url
    yield driver
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_artifacts(driver, request.node.nodeid)
    driver.quit()


def _save_artifacts(driver, nodeid):
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
    screenshot = ARTIFACTS_DIR / f"{stem}.png"
    source = ARTIFACTS_DIR / f"{stem}.html"
    driver.save_screenshot(str(screenshot))
    source.write_text(driver.page_source, encoding="utf-8")
    print(f"\nE2E failure artifacts: {screenshot} and {source}")
