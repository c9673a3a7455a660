"""A real web browser for the sandbox's pages: headless Chromium driven by Selenium.

Only the Debian ``chromium`` and ``chromium-driver`` packages are used (``.ci/dev.py``
installs them): Selenium is told where the driver is and not to report usage, so
nothing reaches the network. Each browser has one language (``--lang`` and the
``Accept-Language`` it sends), as a person's browser would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

#: The ``Accept-Language`` a browser set to each of the app's languages sends.
ACCEPT_LANGUAGES = {"en": "en-US,en", "zh_CN": "zh-CN,zh", "ja": "ja,en-US"}


@contextmanager
def chromium(language: str = "en", *, width: int = 900, height: int = 900) -> Iterator[WebDriver]:
    """A headless Chromium whose language is ``language`` (``en``, ``zh_CN``, ``ja``)."""
    os.environ["SE_AVOID_STATS"] = "true"  # Selenium Manager: no usage report
    accept = ACCEPT_LANGUAGES[language]
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--lang={accept.split(',')[0]}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        driver.set_page_load_timeout(20)
        yield driver
    finally:
        driver.quit()


def click(driver: WebDriver, css: str) -> None:
    """Click the element ``css`` selects, once it is there (a person's click)."""
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    driver.find_element(By.CSS_SELECTOR, css).click()


def wait_for(driver: WebDriver, css: str) -> str:
    """The text of the element ``css`` selects, once the page shows it."""
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    return str(driver.find_element(By.CSS_SELECTOR, css).text)
