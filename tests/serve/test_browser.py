"""The web app as a user sees it: Debian's Chromium, headless, driven by Playwright over a real server on loopback.

The store holds the founding example (../shared) checked against the real volunteer alert log. Screenshots are saved
under test-output/browser/. `make test` installs Debian's chromium when it is missing (scripts/ensure-chromium.sh);
Playwright never downloads a browser.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import socket
import threading
import time

import pytest

from tests.conftest import OUTPUT, shared_path
from tests.serve.conftest import TOKEN

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = OUTPUT / "browser"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`saydo run` on the founding example, then `saydo serve`'s app on a free loopback port (uploads allowed)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (scripts/ensure-chromium.sh installs it)")
    pytest.importorskip("playwright.sync_api", reason="playwright is in the browser extra")
    from saydo.serve.app import create_app
    from saydo.serve.cli import main
    from saydo.serve.settings import Settings
    from saydo.serve.timeouts import server as web_server

    article = shared_path("examples", "kyiv-2022-03-29.txt")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "saydo.duckdb"
    cir = shared_path("data", "events", "cir-eyes-on-russia.csv")
    with pytest.raises(SystemExit), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        main(["run", str(article), "--alerts", str(alerts), "--alerts", str(cir), "--db", str(db), "--json"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings.build(db, token=TOKEN, data_dir=folder / "data", base_url=f"http://127.0.0.1:{port}")
    app = create_app(settings)
    srv = web_server(app, settings, host="127.0.0.1", port=port)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield {"url": f"http://127.0.0.1:{port}", "app": app, "folder": folder}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        failed = []
        pg.on("requestfailed", lambda r: failed.append(r.url))
        pg.on("pageerror", lambda e: failed.append(f"script error: {e}"))
        pg.failed = failed
        yield pg
        browser.close()


def fomin(server) -> dict:
    import httpx

    got = httpx.get(f"{server['url']}/api/statements", params={"q": "Fomin", "actor": "RUS"}).json()
    return got["statements"][0]


def test_home_filter_check_and_article(server, page):
    from playwright.sync_api import expect

    base = server["url"]
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text("Pledges")
    assert page.locator("li.statement").count() >= 1
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)

    # filter by actor and by the verdict Fomin's pledge has, through the form, as a user would
    stated = fomin(server)
    assert stated["verdict"] in ("kept", "partly_kept", "broken", "insufficient_data")
    page.select_option("select[name=actor]", "RUS")
    page.select_option("select[name=verdict]", stated["verdict"])
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=RUS**")
    items = page.locator("li.statement")
    assert items.count() >= 1
    for i in range(items.count()):
        expect(items.nth(i).locator(".who")).to_contain_text("(RUS)")
        expect(items.nth(i).locator(f'.badge[data-verdict="{stated["verdict"]}"]').first).to_be_visible()
    page.screenshot(path=str(SHOTS / "home-filtered.png"), full_page=True)

    # open the check of Fomin's pledge
    page.click(f'li[data-statement="{stated["id"]}"] p a')
    page.wait_for_url(f"**/checks/{stated['id']}")
    api = page.request.get(f"{base}/api/statements/{stated['id']}").json()
    result = next(r for r in api["results"] if r["source"] == "alerts.volunteer")
    section = page.locator('section.result[data-source="alerts.volunteer"]')
    expect(section.locator(".verdict-text")).to_have_text(result["verdict"].replace("_", " "))
    did = next(f for f in result["figures"] if f["kind"] == "difference in differences" and f["metric"] == "alerts")
    row = section.locator('tr.fig-difference-in-differences[data-metric="alerts"]')
    expect(row.locator("td.ratio")).to_have_text(f"{did['ratio']:.2f}")
    pledge_row = section.locator('tr.fig-ratio[data-group="pledge"][data-metric="alerts"]')
    pledge = next(f for f in result["figures"] if f["group"] == "pledge" and f["metric"] == "alerts")
    expect(pledge_row.locator("td.num").nth(0)).to_have_text(f"{pledge['before']:,}")
    expect(pledge_row.locator("td.num").nth(1)).to_have_text(f"{pledge['after']:,}")
    expect(section.locator("svg.chart polyline.line-pledge")).to_have_count(1)
    expect(section.locator('svg.tilemap g.tile.pledge[data-region="UA-30"]')).to_have_count(1)
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    page.screenshot(path=str(SHOTS / "check.png"), full_page=True)

    # follow the evidence link down to the rows the check counted
    with page.expect_navigation():
        section.locator("ul.evidence a").first.click()
    expect(page.locator("h1")).to_have_text("Observation rows")
    assert page.locator("tbody tr").count() >= 1

    # the article, with the pledge highlighted and its speaker shown on focus
    page.go_back()
    page.click("blockquote.context footer a")
    mark = page.locator(f"mark#s-{stated['id']}")
    expect(mark).to_have_class("said kind-pledge")
    expect(mark).to_contain_text("reduce")
    who = mark.locator(".who")
    expect(who).to_be_visible()  # arriving at #s-<id> focuses the statement, which shows who said it
    page.evaluate("document.activeElement.blur()")
    page.mouse.move(0, 0)
    expect(who).to_be_hidden()
    mark.hover()
    expect(who).to_be_visible()
    page.mouse.move(0, 0)
    expect(who).to_be_hidden()
    mark.focus()
    expect(who).to_be_visible()
    expect(who).to_contain_text("Fomin")
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    assert not [u for u in page.failed if not u.startswith(base)], page.failed  # nothing fetched elsewhere
    assert not [u for u in page.failed if "script error" in u], page.failed


def test_actor_page_shows_the_record(server, page):
    from playwright.sync_api import expect

    page.goto(server["url"] + "/actors/RUS")
    made = int(page.locator('dd[data-count="made"]').inner_text())
    api = page.request.get(server["url"] + "/api/actors/RUS").json()
    assert made == api["record"]["made"] >= 1
    expect(page.locator('dd[data-count="kept"]')).to_have_text(str(api["record"]["kept"]))
    for verdict in ("kept", "partly_kept", "broken"):  # the record cards are readable: text against its background
        card = page.locator(f"dl.record div.v-{verdict}")
        colours = card.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert contrast(*colours) >= 4.5, (verdict, colours)
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (an unset background counts as the page's white)."""
    import re

    def luminance(css: str) -> float:
        parts = [float(x) for x in re.findall(r"[\d.]+", css)]
        if len(parts) == 4 and parts[3] == 0:
            parts = [255.0, 255.0, 255.0]
        channels = [c / 255 for c in parts[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_event_data_check_has_its_chart(server, page):
    from playwright.sync_api import expect

    statement = fomin(server)
    page.goto(f"{server['url']}/checks/{statement['id']}")
    section = page.locator('section.result[data-source="cir"]')
    expect(section).to_have_count(1)
    expect(section.locator("svg.chart .line-pledge")).not_to_have_count(0)  # the lines drawn, not "no series"
    expect(section.locator("svg.chart .line-control")).not_to_have_count(0)
    expect(section.locator("figcaption").first).to_contain_text("Hostile events recorded per region per day")
    section.screenshot(path=str(SHOTS / "check-event-data.png"))


def test_figures_table_fits_a_phone(server, page):
    """At 400 px every figure's numbers are on screen: no cell ends past the viewport's right edge."""
    statement = fomin(server)
    page.set_viewport_size({"width": 400, "height": 900})
    try:
        page.goto(f"{server['url']}/checks/{statement['id']}")
        cells = page.locator("table.figures td.num")
        assert cells.count() > 0
        overflow = page.evaluate("""() => [...document.querySelectorAll('table.figures td.num')]
            .filter(td => td.getBoundingClientRect().right > window.innerWidth + 1).length""")
        assert overflow == 0
        page.locator("table.figures").first.screenshot(path=str(SHOTS / "figures-400px.png"))
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_evidence_page_shows_description_coordinates_and_ids(server, page):
    from playwright.sync_api import expect

    page.goto(server["url"] + "/observations/rows?source=alerts.volunteer&region=UA-30")
    table = page.locator("table.evidence-rows")
    for heading in ("what the source says", "coordinates", "source id"):
        expect(table.locator("thead")).to_contain_text(heading)
    page.set_viewport_size({"width": 400, "height": 800})
    page.screenshot(path=str(SHOTS / "evidence-rows-400px.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_upload_in_the_page_shows_progress_to_the_end(server, page, tmp_path):
    from playwright.sync_api import expect

    article = tmp_path / "upload.txt"
    article.write_text("date 2022-04-05\n\nOn Tuesday the Russian defence ministry spokesman Igor Konashenkov said "
                       "Russian forces would stop shelling Mykolaiv.\n")
    page.goto(server["url"] + "/upload")
    form = page.locator("form.upload").first
    form.locator("input[type=file]").set_input_files(str(article))
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/jobs/**")
    expect(page.locator(".state")).to_have_text("done", timeout=60_000)
    expect(page.locator(".job-result")).to_contain_text("statements")
    page.screenshot(path=str(SHOTS / "upload-done.png"), full_page=True)
    page.goto(server["url"] + "/upload")
    form = page.locator("form.upload").first
    form.locator("input[type=file]").set_input_files(str(article))
    form.locator("input[name=token]").fill("wrong")
    form.locator("button[type=submit]").click()
    expect(form.locator("output.status")).to_contain_text("SD702")


def test_the_report_is_styled_under_its_own_policy(server, page, tmp_path):
    """The self-contained report carries the app's policy as a meta tag: its one stylesheet still applies (allowed
    by hash), the chart images show, and the browser reports no violation."""
    from saydo.export.report import write_report

    report = write_report(server["app"].state.db.store(), tmp_path)
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(report.as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.badge')).color") == "rgb(255, 255, 255)"
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert not [m for m in messages if "Content Security Policy" in m], messages
    page.screenshot(path=str(SHOTS / "report.png"), full_page=False)
