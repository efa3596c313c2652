"""The console in headless Chromium, against a running sandbox (Tests/UI/run.sh sets it up).

Every wait is WebDriverWait with a deadline on a condition, never a fixed sleep. Screenshots of
each main view go to $SCREENSHOTS.
"""

import hashlib
import json
import os
import subprocess
import sys
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY = os.environ.get("DANA_SANDBOX_BINARY", ".build/debug/dana-sandbox")
SCREENSHOTS = os.environ.get("SCREENSHOTS", ".build/ui-screenshots")
INQUIRY_PATH = "/v1.0/emoney/account-inquiry.htm"
INQUIRY_BODY = ('{"partnerReferenceNo":"ui-1","customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},'
                '"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}')
WAIT = 15


class Sandbox:
    """The sandbox binary on a kernel-chosen port, stopped when the test ends."""

    def __init__(self, *arguments):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--log-format", "json", *arguments],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        ready = self.process.stdout.readline().strip()
        if not ready.startswith("dana-sandbox listening on "):
            self.stop()
            raise RuntimeError("no ready line, got: %r" % ready)
        self.port = int(ready.rsplit(":", 1)[1])
        self.base = "http://127.0.0.1:%d" % self.port

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def call(self, method, path, body=None, headers=None):
        data = body.encode() if isinstance(body, str) else body
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def signed_headers(self, body=INQUIRY_BODY):
        lines = subprocess.run(
            [BINARY, "sign", "snap", "--path", INQUIRY_PATH, "--body", body],
            check=True, capture_output=True, text=True,
        ).stdout.splitlines()
        return dict(line.split(": ", 1) for line in lines if ": " in line)

    def inquire(self, body=INQUIRY_BODY):
        return self.call("POST", INQUIRY_PATH, body, self.signed_headers(body))


def browser(width=1280, height=800):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=%d,%d" % (width, height)):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class ConsoleTestCase(unittest.TestCase):
    sandbox_arguments = ()

    def setUp(self):
        self.sandbox = Sandbox(*self.sandbox_arguments)
        self.addCleanup(self.sandbox.stop)
        self.driver = browser()
        self.addCleanup(self.driver.quit)

    def open_console(self):
        self.driver.get(self.sandbox.base + "/")
        self.wait_for(lambda d: "live" in d.find_element(By.ID, "connection").text, "the console follows the journal")

    def wait_for(self, condition, what):
        WebDriverWait(self.driver, WAIT).until(condition, message="waited %d s for %s" % (WAIT, what))

    def tab(self, name):
        self.driver.find_element(By.ID, "tab-" + name).click()

    def rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#journal-list li")

    def screenshot(self, name):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))

    def assert_no_page_errors(self):
        """The page runs under its own Content-Security-Policy without a violation or a script error."""
        severe = [entry["message"] for entry in self.driver.get_log("browser")
                  if entry["level"] == "SEVERE" and "status of 401" not in entry["message"]]
        self.assertEqual(severe, [])


class JournalTests(ConsoleTestCase):
    def test_the_root_redirects_to_the_console_with_a_strict_policy(self):
        status, _ = self.sandbox.call("GET", "/sandbox/console")
        self.assertEqual(status, 200)
        with urllib.request.urlopen(self.sandbox.base + "/sandbox/console", timeout=10) as response:
            policy = response.headers["Content-Security-Policy"]
        self.assertIn("default-src 'none'", policy)
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.open_console()
        self.assertTrue(self.driver.current_url.endswith("/sandbox/console"))
        self.assert_no_page_errors()

    def test_a_request_sent_meanwhile_appears_without_a_reload(self):
        self.open_console()
        self.assertEqual(self.rows(), [])
        status, body = self.sandbox.inquire()
        self.assertEqual(status, 200, body)
        self.wait_for(lambda d: any("account-inquiry" in row.text for row in self.rows()), "the exchange to appear")
        self.screenshot("journal")
        self.rows()[0].find_element(By.TAG_NAME, "button").click()
        detail = self.driver.find_element(By.ID, "exchange")
        self.wait_for(lambda d: "2003700" in detail.text, "the exchange's response")
        self.assertIn("x-signature: ", detail.text.lower())
        self.assertIn('"customerNumber": "62811742234"', detail.text)
        self.screenshot("exchange")
        self.assert_no_page_errors()

    def test_filters_keep_only_the_matching_exchanges(self):
        self.open_console()
        self.sandbox.inquire()
        self.sandbox.call("POST", INQUIRY_PATH, INQUIRY_BODY, {"Content-Type": "application/json"})
        self.wait_for(lambda d: len(self.rows()) == 2, "both exchanges")
        Select(self.driver.find_element(By.ID, "filter-outcome")).select_by_value("failure")
        self.wait_for(lambda d: len(self.rows()) == 1, "the failed exchange alone")
        self.assertIn("400", self.rows()[0].text)
        Select(self.driver.find_element(By.ID, "filter-outcome")).select_by_value("success")
        self.wait_for(lambda d: len(self.rows()) == 1 and "200" in self.rows()[0].text, "the successful exchange alone")

    def test_a_signature_failure_opens_to_the_string_to_sign_expected(self):
        self.open_console()
        headers = self.sandbox.signed_headers()
        tampered = INQUIRY_BODY.replace("ui-1", "ui-2")
        self.assertEqual(self.sandbox.call("POST", INQUIRY_PATH, tampered, headers)[0], 401)
        Select(self.driver.find_element(By.ID, "filter-outcome")).select_by_value("signature")
        self.wait_for(lambda d: len(self.rows()) == 1, "the refused exchange")
        self.rows()[0].find_element(By.TAG_NAME, "button").click()
        detail = self.driver.find_element(By.ID, "exchange")
        self.wait_for(lambda d: "Signature did not verify" in detail.text, "the diagnostics")
        expected = "POST:%s:%s:%s" % (INQUIRY_PATH, hashlib.sha256(tampered.encode()).hexdigest(), headers["X-TIMESTAMP"])
        self.assertIn(expected, detail.text)
        self.assertIn("raw=" + hashlib.sha256(tampered.encode()).hexdigest(), detail.text)

    def test_a_body_holding_script_renders_as_text(self):
        self.open_console()
        hostile = '{"partnerReferenceNo":"<script>window.__pwned=1</script><img src=x onerror=\\"window.__pwned=2\\">"}'
        self.sandbox.call("POST", INQUIRY_PATH, hostile, {"Content-Type": "application/json"})
        self.wait_for(lambda d: len(self.rows()) == 1, "the hostile exchange")
        self.rows()[0].find_element(By.TAG_NAME, "button").click()
        detail = self.driver.find_element(By.ID, "exchange")
        self.wait_for(lambda d: "<script>window.__pwned=1</script>" in detail.text, "the body shown as text")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#exchange script, #exchange img"), [])
        self.assertIsNone(self.driver.execute_script("return window.__pwned"))

    def test_reset_empties_the_journal(self):
        self.open_console()
        self.sandbox.inquire()
        self.wait_for(lambda d: len(self.rows()) == 1, "the exchange")
        self.tab("actions")
        self.driver.find_element(By.ID, "reset-all").click()
        self.wait_for(lambda d: "Everything reset" in d.find_element(By.ID, "reset-result").text, "the reset")
        self.tab("journal")
        self.wait_for(lambda d: self.rows() == [], "an empty journal")
        self.assertTrue(self.driver.find_element(By.ID, "journal-count").text.startswith("no API exchanges yet"))
        _, journal = self.sandbox.call("GET", "/sandbox/journal?endpoint=account-inquiry")
        self.assertEqual(json.loads(journal)["count"], 0)


class ScenarioTests(ConsoleTestCase):
    def scenario_box(self, name):
        return self.driver.find_element(By.CSS_SELECTOR, 'li.scenario[data-name="%s"] input[type=checkbox]' % name)

    def test_switching_a_scenario_on_changes_the_next_answer(self):
        self.open_console()
        _, before = self.sandbox.inquire()
        self.assertEqual(json.loads(before)["responseCode"], "2003700")
        self.tab("scenarios")
        box = self.scenario_box("account-inquiry/do-not-honor")
        self.assertFalse(box.is_selected())
        box.click()
        self.wait_for(lambda d: "account-inquiry/do-not-honor" in json.loads(self.sandbox.call("GET", "/sandbox/scenarios")[1])["active"],
                      "the scenario to be active")
        _, after = self.sandbox.inquire()
        self.assertEqual(json.loads(after)["responseCode"], "4033705")
        rule = self.driver.find_element(By.CSS_SELECTOR, '[aria-label="Rules of account-inquiry/do-not-honor"]')
        self.wait_for(lambda d: "answered 1×" in rule.text, "the rule's counter")
        self.screenshot("scenarios")
        self.scenario_box("account-inquiry/do-not-honor").click()
        self.wait_for(lambda d: json.loads(self.sandbox.call("GET", "/sandbox/scenarios")[1])["active"] == [], "the scenario off")


class ScenarioFolderTests(ConsoleTestCase):
    def setUp(self):
        import tempfile
        self.folder = tempfile.mkdtemp()
        os.makedirs(os.path.join(self.folder, "drills"))
        with open(os.path.join(self.folder, "drills", "slow.json"), "w") as file:
            json.dump({"description": "slow inquiry", "rules": [{"endpoint": "account-inquiry", "delayMs": 10, "respond": {"resultCode": "2003700"}}]}, file)
        self.sandbox_arguments = ("--scenarios", self.folder)
        super().setUp()

    def test_a_broken_file_is_shown_with_its_error_after_a_reload(self):
        self.open_console()
        self.tab("scenarios")
        self.wait_for(lambda d: "drills/" in d.find_element(By.ID, "scenario-tree").text, "the tree")
        with open(os.path.join(self.folder, "drills", "broken.json"), "w") as file:
            file.write('{"rules": [')
        self.driver.find_element(By.ID, "scenarios-reload").click()
        problems = self.driver.find_element(By.ID, "scenario-problems")
        self.wait_for(lambda d: problems.is_displayed() and "broken" in problems.text, "the reload's problem")
        self.assertIn("drills/slow", self.driver.find_element(By.ID, "scenario-tree").text)


class ActionTests(ConsoleTestCase):
    def check_signature(self, headers, body):
        self.tab("actions")
        Select(self.driver.find_element(By.ID, "sig-path")).select_by_value(INQUIRY_PATH)
        self.driver.find_element(By.ID, "sig-headers").clear()
        self.driver.find_element(By.ID, "sig-headers").send_keys("\n".join("%s: %s" % pair for pair in headers.items()))
        self.driver.find_element(By.ID, "sig-body").clear()
        self.driver.find_element(By.ID, "sig-body").send_keys(body)
        self.driver.find_element(By.CSS_SELECTOR, "#signature-form button[type=submit]").click()
        result = self.driver.find_element(By.ID, "signature-result")
        self.wait_for(lambda d: "verif" in result.text, "the signature verdict")
        return result

    def test_the_signature_helper_explains_a_wrongly_signed_request(self):
        self.open_console()
        self.wait_for(lambda d: len(Select(d.find_element(By.ID, "sig-path")).options) > 0, "the endpoint paths")
        headers = self.sandbox.signed_headers()
        tampered = INQUIRY_BODY.replace("1.00", "2.00")
        result = self.check_signature(headers, tampered)
        self.assertIn("does not verify", result.text)
        # The string to sign, computed here independently: METHOD:path:sha256-hex(body):timestamp.
        expected = "POST:%s:%s:%s" % (INQUIRY_PATH, hashlib.sha256(tampered.encode()).hexdigest(), headers["X-TIMESTAMP"])
        self.assertIn(expected, result.text)
        self.assertIn("RSA-SHA256", result.text)
        self.screenshot("signature-helper")

        result = self.check_signature(headers, INQUIRY_BODY)
        self.wait_for(lambda d: "verifies" in result.text.split("\n")[0], "the verdict on the right body")
        _, journal = self.sandbox.call("GET", "/sandbox/journal?endpoint=account-inquiry")
        self.assertEqual(json.loads(journal)["count"], 0, "the helper sends nothing to the endpoint")

    def test_one_session_is_reset_alone(self):
        headers = self.sandbox.signed_headers()
        headers["X-Sandbox-Session"] = "ui-session"
        self.assertEqual(self.sandbox.call("POST", INQUIRY_PATH, INQUIRY_BODY, headers)[0], 200)
        self.assertIn("ui-session", self.sandbox.call("GET", "/sandbox/sessions")[1])
        self.open_console()
        self.tab("actions")
        self.driver.find_element(By.ID, "reset-session").send_keys("ui-session")
        self.driver.find_element(By.CSS_SELECTOR, "#reset-session-form button[type=submit]").click()
        self.wait_for(lambda d: "Session ui-session reset" in d.find_element(By.ID, "reset-result").text, "the session's reset")
        self.assertNotIn("ui-session", self.sandbox.call("GET", "/sandbox/sessions")[1])
        _, journal = self.sandbox.call("GET", "/sandbox/journal?endpoint=account-inquiry")
        self.assertEqual(json.loads(journal)["count"], 1, "a session's reset leaves the journal alone")

    def test_the_destination_inquiry_form_shows_the_report(self):
        import socket
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        closed.close()  # nothing listens there now: the partner refuses the connection
        self.open_console()
        self.tab("actions")
        self.driver.find_element(By.ID, "inquiry-url").send_keys("http://127.0.0.1:%d/destination/inquiry" % port)
        self.driver.find_element(By.CSS_SELECTOR, "#inquiry-form button[type=submit]").click()
        result = self.driver.find_element(By.ID, "inquiry-result")
        self.wait_for(lambda d: "conformant" in result.text, "the report")
        self.assertIn("not conformant", result.text)
        self.assertIn("transport", result.text)

    def test_the_data_view_lists_records_read_only(self):
        self.open_console()
        self.tab("data")
        Select(self.driver.find_element(By.ID, "data-kind")).select_by_value("users")
        table = self.driver.find_element(By.ID, "data-table")
        self.wait_for(lambda d: "62811742234" in table.text, "the seed's users")
        self.assertIn("Budi Santoso", table.text)
        self.screenshot("data")
        self.tab("actions")
        self.screenshot("actions")

    def test_the_console_fits_a_phone(self):
        # A desktop window cannot be made this narrow; the phone's viewport is emulated instead.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        self.open_console()
        self.assertEqual(self.driver.execute_script("return window.innerWidth"), 390)
        self.sandbox.inquire()
        self.wait_for(lambda d: len(self.rows()) == 1, "the exchange")
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        viewport = self.driver.execute_script("return window.innerWidth")
        self.assertLessEqual(width, viewport, "no sideways scrolling at 390 px")
        self.screenshot("phone")
        for view in ("scenarios", "actions", "data"):
            self.tab(view)
            self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth"), viewport, view)

    def test_every_control_has_a_label_and_tabs_work_by_keyboard(self):
        self.open_console()
        unlabelled = self.driver.execute_script("""
            return Array.from(document.querySelectorAll('input, select, textarea'))
              .filter((c) => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))
              .map((c) => c.id);""")
        self.assertEqual(unlabelled, [])
        journal_tab = self.driver.find_element(By.ID, "tab-journal")
        journal_tab.send_keys("\ue014")  # ArrowRight
        self.wait_for(lambda d: d.find_element(By.ID, "tab-scenarios").get_attribute("aria-selected") == "true", "the next tab")
        self.assertTrue(self.driver.find_element(By.ID, "view-scenarios").is_displayed())


class TokenTests(ConsoleTestCase):
    sandbox_arguments = ("--host", "0.0.0.0", "--admin-token", "ui-test-token")

    def test_off_loopback_the_page_is_useless_without_the_token(self):
        self.driver.get(self.sandbox.base + "/sandbox/console")
        self.wait_for(lambda d: d.find_element(By.ID, "token-view").is_displayed(), "the token prompt")
        self.assertFalse(self.driver.find_element(By.ID, "main-view").is_displayed())
        self.assertEqual(self.sandbox.call("GET", "/sandbox/journal")[0], 401)
        self.assertEqual(self.sandbox.call("GET", "/sandbox/events")[0], 401)
        self.screenshot("token")

        self.driver.find_element(By.ID, "token-input").send_keys("wrong")
        self.driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
        self.wait_for(lambda d: "refused" in d.find_element(By.ID, "token-error").text, "the refusal")
        self.assertFalse(self.driver.find_element(By.ID, "main-view").is_displayed())

        self.driver.find_element(By.ID, "token-input").send_keys("ui-test-token")
        self.driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
        self.wait_for(lambda d: "live" in d.find_element(By.ID, "connection").text, "the console with the token")
        self.sandbox.inquire()
        self.wait_for(lambda d: len(self.rows()) == 1, "the exchange")
        urls = self.driver.execute_script("return performance.getEntriesByType('resource').map((e) => e.name).concat([location.href])")
        self.assertFalse([url for url in urls if "ui-test-token" in url], "the token never goes in a URL")


if __name__ == "__main__":
    unittest.main(argv=sys.argv)
