"""Headless Chromium loads the generated scorecard from a loopback server, checks that charts and tables
render with the seed values, uses a filter, follows a provenance link to the PDF page, saves a screenshot.

Needs the Debian packages `chromium` and `chromium-driver` and the Python package `selenium`."""
from __future__ import annotations

import shutil
import tempfile
import time
import urllib.request

import pytest

from extract.acquire.portal import serve_directory
from extract.publish.site import build_site
from tests.integration.test_export import seed_warehouse
from tests.paths import REPO

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("headless Chromium not installed: apt-get install -y chromium chromium-driver",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extra)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

OUTPUT = REPO / "test-output"


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="lkjip-chromium-")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    warehouse, data_dir = seed_warehouse()
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(warehouse, out, "pdf", pdf_source_dir=data_dir / "landing")
    with serve_directory(out) as url:
        yield url


def visible_rows(driver, css):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, css) if r.is_displayed()]


def test_scorecard_in_headless_chromium(browser, site_url):
    browser.get(site_url + "/index.html")
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "f-count").text)
    assert browser.title == "LKjIP province scorecard"
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.scorecard svg.chart rect.bar")) >= 10
    svg_box = browser.find_element(By.CSS_SELECTOR, "section.scorecard svg.chart").rect
    assert svg_box["width"] > 100 and svg_box["height"] > 20          # the SVG is laid out, not empty
    # Jawa Tengah 2023 + 2024, Jambi 2024 + 2025 (reports print the previous year too)
    assert "4 of 4 province-year scorecards shown" in browser.find_element(By.ID, "f-count").text
    siap = [r for r in visible_rows(browser, "table.indicators tr.row")
            if "Persentase tenaga kerja siap kerja" in r.text and "2.90" in r.text]
    assert siap and "2.73" in siap[0].text and "94.14" in siap[0].text
    budget = " ".join(t.text for t in browser.find_elements(By.CSS_SELECTOR, "table.budget"))
    assert "1,871,557,000" in budget and "6,847,986,125.50" in budget

    # filter: province Jambi hides Jepara's scorecard
    Select(browser.find_element(By.ID, "f-province")).select_by_value("Jambi")
    assert "2 of 4" in browser.find_element(By.ID, "f-count").text
    shown = [s.get_attribute("data-province") for s in browser.find_elements(By.CSS_SELECTOR, "section.scorecard")
             if s.is_displayed()]
    assert shown == ["Jambi", "Jambi"]           # 2024 (previous year printed) and 2025
    assert not [r for r in visible_rows(browser, "table.indicators tr.row") if "siap kerja" in r.text]
    OUTPUT.mkdir(exist_ok=True)
    Select(browser.find_element(By.ID, "f-province")).select_by_value("")
    # hover a number: the provenance panel shows the cell as printed
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "table.indicators a.num")
                if a.text == "2.73" and a.get_attribute("data-raw") == "2,73")
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].focus();", link)
    assert 'Printed in the report: "2,73"' in browser.find_element(By.ID, "provenance").text
    browser.save_screenshot(str(OUTPUT / "scorecard.png"))
    assert (OUTPUT / "scorecard.png").stat().st_size > 10_000

    # follow the provenance link: a new tab on the served PDF at the right page
    href = link.get_attribute("href")
    assert href.startswith(site_url + "/pdf/") and href.endswith(".pdf#page=23")
    before = set(browser.window_handles)
    link.click()
    WebDriverWait(browser, 15).until(lambda d: len(d.window_handles) > len(before))
    browser.switch_to.window((set(browser.window_handles) - before).pop())
    WebDriverWait(browser, 15).until(lambda d: d.current_url.startswith(site_url + "/pdf/"))
    assert browser.current_url == href
    with urllib.request.urlopen(href.split("#")[0], timeout=10) as response:
        assert response.status == 200 and response.read(5) == b"%PDF-"
    time.sleep(0.5)
    browser.save_screenshot(str(OUTPUT / "scorecard-pdf-page.png"))
    browser.close()
    browser.switch_to.window(before.pop())

    # the glossary is linked from the scorecard
    browser.find_element(By.LINK_TEXT, "Glossary (Indonesian – English)").click()
    WebDriverWait(browser, 10).until(lambda d: "glossary" in d.current_url)
    assert "Perjanjian Kinerja" in browser.find_element(By.TAG_NAME, "body").text
