"""The demo's web pages in a real browser, with the app waiting on the other side.

Headless Chromium (Debian ``chromium`` + ``chromium-driver``, through Selenium) does
what a person does: approves the sign-in on the sandbox's authorization page, is sent
back to the app's loopback address, then pays on the sandbox's checkout page. The app
signs in and then shows the payment, by itself.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from ohmygpt_desktop.app import Options
from ohmygpt_desktop.core.orders import OrderStatus
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.gallery import LANGUAGES, WEB_SCREENS, render_web_pages
from tests.helpers.real_browser import chromium, wait_for
from tests.helpers.real_browser import click as click_page
from tests.helpers.recharging import type_amount
from tests.helpers.signin import click, free_port, show, until_idle


def test_sign_in_and_pay_in_a_real_browser(
    qtbot: Any, run: Any, make_ctx: Any, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    redirect = f"http://127.0.0.1:{free_port()}/callback"
    ctx = make_ctx(options=Options(overrides={"redirect_uri": redirect}), payment_intervals=(0.2,))
    window = MainWindow(ctx)
    show(qtbot, run, window, width=880, height=640)
    window.start()
    run(until(lambda: window.pages.currentWidget() is window.login_panel))

    with chromium("en") as chrome:
        click(qtbot, window.login_panel.sign_in_button)
        authorization_url = browser.last

        def approve() -> str:
            chrome.get(authorization_url)
            assert wait_for(chrome, "#app-name")
            click_page(chrome, "input[name=user_id][value='888']")
            click_page(chrome, "button[value=authorize]")
            # The sandbox sends the browser on to the app's loopback address.
            WebDriverWait(chrome, 10).until(lambda d: d.current_url.startswith(redirect))
            return str(chrome.find_element(By.TAG_NAME, "body").text)

        async def sign_in() -> str:
            page = await asyncio.to_thread(approve)
            await until_idle(
                lambda: window.pages.currentWidget() is window.account_page,
                within=10,
                message="the app did not sign in",
            )
            return page

        page = run(sign_in(), timeout=30)
        assert "signed in" in page.lower(), page
        assert ctx.accounts.current() is not None
        assert ctx.accounts.current().key == "888@sandbox"

        click(qtbot, window.balance_view.recharge_button)
        run(until(lambda: window.findChild(RechargeDialog) is not None))
        dialog = window.findChild(RechargeDialog)
        run(until(dialog.isVisible))
        type_amount(qtbot, dialog, "10")
        click(qtbot, dialog.create_button)
        run(until_idle(lambda: dialog.pages.currentWidget() is dialog.result_page, within=10))
        checkout_url = browser.last
        assert checkout_url.startswith(sandbox.base_url)

        def pay() -> str:
            chrome.get(checkout_url)
            assert "$10.00" in wait_for(chrome, "#amount")
            click_page(chrome, "button.pay")
            return wait_for(chrome, "#paid")

        async def pay_and_wait() -> str:
            page = await asyncio.to_thread(pay)
            await until_idle(
                lambda: ctx.history.list()[0].status is OrderStatus.PAID,
                within=10,
                message="the app did not see the payment",
            )
            return page

        assert run(pay_and_wait(), timeout=30)

    dialog.close()
    run(until(lambda: window.banner.isVisible()))
    assert window.banner.label.text() == (
        "Payment received: $10.00 was added to alice@example.com."
    )
    run(until(lambda: window.balance_view.amount_label.text() == "680,000 credits"))


def test_the_gallery_shows_the_web_pages_in_each_language(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    shots = render_web_pages(tmp_path, sandbox=sandbox)
    assert {(shot.screen, shot.language) for shot in shots} == {
        (screen, language) for screen in WEB_SCREENS for language in LANGUAGES
    }
    for shot in shots:
        image = QImage(str(tmp_path / shot.file))
        assert not image.isNull(), shot.file
        assert image.width() >= 800, shot.file
    # The pages were in the browser's language: the Japanese checkout differs from the
    # English one, and the sandbox was asked in Japanese.
    english, japanese = (
        QImage(str(tmp_path / f"web-checkout-{language}-light.png")) for language in ("en", "ja")
    )
    assert english != japanese
