"""Headless Chromium loads the generated scorecard site from a loopback server: the Indonesian pages and the
English switch, filters kept in the URL, the search, a CSV download (its content read back), provenance links
to the PDF page, the validation page, the indicator view, the changes link, and a 390 px phone-width screenshot
without horizontal overflow.

Needs the Debian packages `chromium` and `chromium-driver` and the Python package `selenium`."""
from __future__ import annotations

import csv
import shutil
import tempfile
import time
import urllib.request

import duckdb
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
SIAP = "Persentase tenaga kerja siap kerja"          # Jepara Tabel 3.3 (page 23): target 2,90, realisasi 2,73


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
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
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The site of the seed warehouse; the publish step's changes.html written after the build, as the
    pipeline does."""
    warehouse, data_dir = seed_warehouse()
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(warehouse, out, "pdf", pdf_source_dir=data_dir / "landing")
    (out / "changes.html").write_text("<!doctype html><title>Perubahan</title><p>2 dokumen baru</p>")
    with serve_directory(out) as url:
        yield url


def visible(driver, css):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, css) if r.is_displayed()]


def count_text(driver) -> str:
    return driver.find_element(By.ID, "f-count").text


def open_page(driver, url):
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_scorecard_in_indonesian_with_filters_in_the_url(browser, site_url):
    open_page(browser, site_url + "/index.html")
    assert browser.title == "Kartu skor provinsi LKjIP"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    # Jawa Tengah 2023 + 2024, Jambi 2024 + 2025 (reports print the previous year too)
    assert count_text(browser) == "4 dari 4 kartu skor provinsi-tahun ditampilkan"
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.scorecard figure.bars .bar")) >= 10
    siap = [r for r in visible(browser, "table.indicators tr.row") if SIAP in r.text and "2,90" in r.text]
    assert siap and "2,73" in siap[0].text and "94,14" in siap[0].text
    budget = " ".join(t.text for t in browser.find_elements(By.CSS_SELECTOR, "table.budget"))
    assert "1.871.557.000" in budget and "95,22" in budget and "6.847.986.125,50" in budget
    sectors = [o.text for o in Select(browser.find_element(By.ID, "f-sector")).options]
    assert "URUSAN PEMERINTAHAN BIDANG TENAGA KERJA (2.07)" in sectors          # a name, not a bare code
    # the portal URL of a report beside its local copy
    documents = browser.find_element(By.CSS_SELECTOR, "ul.documents").text
    assert "salinan lokal" in documents and "lkjip_jepara_2024_ruled.pdf" in documents

    Select(browser.find_element(By.ID, "f-province")).select_by_value("Jambi")
    Select(browser.find_element(By.ID, "f-year")).select_by_value("2025")
    assert count_text(browser).startswith("1 dari 4")
    assert browser.current_url.endswith("/index.html#province=Jambi&year=2025")
    # the link reproduces the view, in a fresh load
    open_page(browser, "about:blank")
    open_page(browser, site_url + "/index.html#province=Jambi&year=2025")
    assert count_text(browser).startswith("1 dari 4")
    assert [s.get_attribute("data-year") for s in visible(browser, "section.scorecard")] == ["2025"]
    # the English switch keeps the filters
    browser.find_element(By.ID, "lang-switch").click()
    WebDriverWait(browser, 10).until(lambda d: "index.en.html" in d.current_url)
    assert browser.current_url.endswith("/index.en.html#province=Jambi&year=2025")
    assert browser.title == "LKjIP province scorecard"
    assert count_text(browser) == "1 of 4 province-year scorecards shown"
    budget = " ".join(t.text for t in visible(browser, "table.budget"))
    assert "6,847,986,125.50" in budget and "1,871,557,000" not in budget        # Jepara is filtered out
    browser.find_element(By.ID, "lang-switch").click()
    WebDriverWait(browser, 10).until(lambda d: "/index.html#" in d.current_url)
    assert count_text(browser).startswith("1 dari 4")


def test_search_provenance_and_pdf_link(browser, site_url):
    open_page(browser, site_url + "/index.html")
    search = browser.find_element(By.ID, "f-search")
    search.send_keys("siap kerja")
    rows = visible(browser, "table.indicators tr.row")
    assert rows and all("siap kerja" in r.text.lower() for r in rows)
    assert {s.get_attribute("data-province") for s in visible(browser, "section.scorecard")} == {"Jawa Tengah"}
    assert "q=siap+kerja" in browser.current_url
    search.clear()
    search.send_keys("Kota Jambi")                                  # a region
    assert {s.get_attribute("data-province") for s in visible(browser, "section.scorecard")} == {"Jambi"}
    search.clear()
    search.send_keys(" ")
    # hover a number: the provenance panel shows the cell as printed
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "table.indicators a.num")
                if a.text == "2,73" and a.get_attribute("data-raw") == "2,73")
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].focus();", link)
    assert 'Tercetak di laporan: "2,73"' in browser.find_element(By.ID, "provenance").text
    OUTPUT.mkdir(exist_ok=True)
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
    browser.close()
    browser.switch_to.window(before.pop())


def wait_for_file(folder, name, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (folder / name).exists() and (folder / name).stat().st_size:
            return folder / name
        time.sleep(0.2)
    raise AssertionError(f"{name} not downloaded: {sorted(p.name for p in folder.iterdir())}")


def test_csv_download_of_a_table(browser, site_url, downloads):
    open_page(browser, site_url + "/index.html#province=Jawa+Tengah&year=2024")
    table = visible(browser, "table.indicators")[0]
    button = table.find_element(By.XPATH, "ancestor::div[@class='table-wrap']/preceding-sibling::button[1]")
    assert button.text == "Unduh CSV (baris yang tampil)"
    button.click()
    path = wait_for_file(downloads, "capaian-jawa-tengah-2024.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["region_name", "agency_name", "level", "indicator_name", "unit", "target_value",
                             "realization_value", "achievement_pct", "category"]
    siap = [r for r in rows if r["indicator_name"] == SIAP]
    assert [(r["region_name"], r["target_value"], r["realization_value"], r["achievement_pct"]) for r in siap] \
        == [("Kabupaten Jepara", "2.9", "2.73", "94.14")]
    assert len(rows) == len(visible(browser, "table.indicators tr.row"))


def test_validation_page(browser, site_url):
    open_page(browser, site_url + "/index.html")
    browser.find_element(By.LINK_TEXT, "Validasi data").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/validation.html"))
    warehouse, _ = seed_warehouse()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        total, failed = con.execute("SELECT count(*), count(*) FILTER (WHERE NOT success) "
                                    "FROM marts.validation_results").fetchone()
    assert total > 0
    assert browser.find_element(By.ID, "v-summary").text.startswith(f"{total} ekspektasi, {failed} gagal")
    assert len(visible(browser, "table.validation tr.row")) == total
    assert "marts.dim_region" in browser.find_element(By.CSS_SELECTOR, "table.validation").text
    Select(browser.find_element(By.ID, "v-result")).select_by_value("fail")
    assert len(visible(browser, "table.validation tr.row")) == failed
    # every asset of the page is local (no CDN): scripts and styles come from the site itself
    assets = browser.execute_script("return [...document.querySelectorAll('script[src], link[href]')]"
                                    ".map(e => e.src || e.href)")
    assert assets and all(a.startswith(site_url + "/static/") for a in assets)


def test_indicator_view_and_changes_link(browser, site_url):
    open_page(browser, site_url + "/indicators.html")
    changes = browser.find_element(By.ID, "nav-changes")
    WebDriverWait(browser, 10).until(lambda d: changes.is_displayed())
    assert changes.text == "Perubahan" and changes.get_attribute("href") == site_url + "/changes.html"
    # Jepara's TPAK (Tingkat Partisipasi Angkatan Kerja), sasaran table: 71,57 (2023, page 24), 71,94 (2024, page 23)
    indicator = Select(browser.find_element(By.ID, "iv-indicator"))
    tpak = next(o for o in indicator.options if o.text.lower().startswith("tingkat partisipasi angkatan kerja"))
    indicator.select_by_value(tpak.get_attribute("value"))
    blocks = visible(browser, "section.iv-block")
    assert len(blocks) == 1 and "Jawa Tengah" in blocks[0].text and "Kabupaten Jepara" in blocks[0].text
    heads = [th.text for th in blocks[0].find_elements(By.CSS_SELECTOR, "th")]
    assert heads[-2:] == ["realisasi 2023", "realisasi 2024"]
    cells = blocks[0].find_elements(By.CSS_SELECTOR, "tr.row a.num")
    assert [c.text for c in cells] == ["71,57", "71,94"]
    assert [c.get_attribute("href")[-8:] for c in cells] == ["#page=24", "#page=23"]
    assert browser.current_url.endswith("#indicator=" + tpak.get_attribute("value"))
    browser.find_element(By.ID, "lang-switch").click()
    WebDriverWait(browser, 10).until(lambda d: "indicators.en.html#indicator=" in d.current_url)
    cells = visible(browser, "section.iv-block tr.row a.num")
    assert [c.text for c in cells] == ["71.57", "71.94"]


def test_phone_width_without_horizontal_overflow(browser, site_url):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        for page in ("index.html", "index.en.html", "validation.html", "indicators.html"):
            open_page(browser, f"{site_url}/{page}")
            width, inner = browser.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            assert inner == 390 and width <= inner, page
        open_page(browser, site_url + "/index.html")
        browser.save_screenshot(str(OUTPUT / "scorecard-390px.png"))
        assert (OUTPUT / "scorecard-390px.png").stat().st_size > 10_000
        bar = visible(browser, "figure.bars .bar-row")[0].rect
        assert bar["x"] >= 0 and bar["x"] + bar["width"] <= 390
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
