"""Browser tests: a real server (uvicorn, in a thread) over a real store, and
Debian's Chromium driven by Playwright. Skipped, with the reason, when
Playwright or /usr/bin/chromium is missing (scripts/install_chromium.sh
installs Chromium; `playwright install` is never used)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium"))
# Offline and quiet: no GPU, no QUIC, no first-run, no background or component updates, no sync.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Playwright: pip install playwright (its bundled browsers are not used)")
    if not CHROMIUM.is_file():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: run scripts/install_chromium.sh (as root)")
    return sync_playwright


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """Starts headless Chromium, each time with a fresh profile: ``chromium(javascript=True)``."""
    sync_playwright = _playwright()
    with sync_playwright() as playwright:
        contexts = []

        def launch(javascript: bool = True):
            context = playwright.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
                args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}, service_workers="block",
                java_script_enabled=javascript)
            contexts.append(context)
            return context

        yield launch
        for context in contexts:
            context.close()


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's Chromium, with JavaScript."""
    return chromium()


class Server:
    """The app over one store, served by uvicorn on a free loopback port."""

    def __init__(self, db: Path):
        import uvicorn

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from dyad.api import create_app

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                                     log_level="warning", lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            assert time.monotonic() < deadline and self._thread.is_alive(), "the server did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


@pytest.fixture(scope="session")
def seeds_server(seeds_dir, tmp_path_factory):
    from test_api import build_store

    db = tmp_path_factory.mktemp("browser-seeds") / "seeds.duckdb"
    shutil.copy(build_store("seeds", seeds_dir, tmp_path_factory), db)
    server = Server(db)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory):
    from test_api import WEB_ARTICLES, build_store

    db = tmp_path_factory.mktemp("browser-web") / "web.duckdb"
    shutil.copy(build_store("web", WEB_ARTICLES, tmp_path_factory), db)
    server = Server(db)
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    """A tab that may load from the test server only: any other request is refused and reported."""
    tab = browser.new_page()
    tab.elsewhere = []
    tab.problems = []

    def only_local(route):
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            tab.elsewhere.append(route.request.url)
            route.abort()

    tab.route("**/*", only_local)
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.problems.append(message.text))
    yield tab
    tab.close()
