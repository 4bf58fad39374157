"""Drives the `mcred serve` page in headless Chromium: choose and drop files, read the verdict.

Usage: verifier_page.py URL GOOD.json GOOD.html TAMPERED.json INJECTED.json SCREENSHOT.png MCRED WORKDIR
Exits non-zero when a verdict is not the expected one.
"""
import json
import os
import subprocess
import sys

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, good_json, good_html, tampered, injected, screenshot, mcred, work = sys.argv[1:9]


def present(challenge, domain):
    """What a learner does with the challenge: a holder key, a credential for it, a wallet, a presentation."""
    def run(*arguments):
        subprocess.run([mcred, *arguments], check=True, capture_output=True, cwd=work)
    run("keygen", "--out", "learner.key")
    holder = subprocess.run([mcred, "did", "learner.key"], check=True, capture_output=True, text=True, cwd=work).stdout.strip()
    with open(f"{root}/spec/examples/construction.json") as f:
        template = json.load(f)
    template["credentialSubject"]["id"] = holder
    with open(f"{work}/learner-template.json", "w") as f:
        json.dump(template, f)
    run("issue", "--key", f"{root}/keys-example/issuer.key", "learner-template.json", "--out", "learner.vc.json")
    run("wallet", "init", "--holder-key", "learner.key", "--out", "wallet.json")
    run("wallet", "add", "wallet.json", "learner.vc.json")
    run("present", "--wallet", "wallet.json", "--key", "learner.key", "--challenge", challenge, "--domain", domain, "--out", "presentation.json")
    return f"{work}/presentation.json"


root = os.getcwd()

options = Options()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=960,1100"):
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
failures = []


def verdict_after(action, name):
    """Runs action (which hands the page a file) and waits for the verdict of that file."""
    action()
    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.ID, "file-name").text == name
        and d.find_element(By.ID, "verdict").text in ("PASS", "FAIL", "ERROR"))
    return driver.find_element(By.ID, "verdict").text


def choose(path):
    """Chooses a file with the page's own file input, as a person clicking "choose a file"."""
    return lambda: driver.find_element(By.ID, "file").send_keys(path)


def drop(path):
    """Drops a file on the drop zone: a DragEvent carrying the file, as the browser sends for a drag and drop."""
    def action():
        driver.execute_script("""
            let helper = document.getElementById('drop-helper');
            if (!helper) {
              helper = document.createElement('input');
              helper.type = 'file';
              helper.id = 'drop-helper';
              helper.hidden = true;
              helper.addEventListener('change', () => {
                const data = new DataTransfer();
                data.items.add(helper.files[0]);
                document.getElementById('drop').dispatchEvent(
                  new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
              });
              document.body.appendChild(helper);
            }
            helper.value = '';
        """)
        driver.find_element(By.ID, "drop-helper").send_keys(path)
    return action


def expect(label, actual, wanted):
    print(f"{label}: {actual}" + ("" if actual == wanted else f" (expected {wanted})"))
    if actual != wanted:
        failures.append(label)


def name(path):
    return path.rsplit("/", 1)[-1]


try:
    driver.get(url)
    expect("page title", driver.title, "mcred — check a micro-credential")
    expect("chosen good credential", verdict_after(choose(good_json), name(good_json)), "PASS")
    rows = driver.find_elements(By.CSS_SELECTOR, "#checks tbody tr")
    expect("check rows shown", len(rows) >= 8, True)
    summary = driver.find_element(By.ID, "summary").text
    expect("summary shows the learner", "Maria Kowalska" in summary, True)
    driver.save_screenshot(screenshot)
    expect("dropped printable page", verdict_after(drop(good_html), name(good_html)), "PASS")
    expect("dropped tampered credential", verdict_after(drop(tampered), name(tampered)), "FAIL")
    failed = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#checks tbody tr.r-fail")]
    expect("the failed check is the signature", len(failed) == 1 and "signature" in failed[0], True)
    verdict_after(drop(injected), name(injected))
    expect("images injected by credential text", len(driver.find_elements(By.TAG_NAME, "img")), 0)
    expect("scripts in the page", len(driver.find_elements(By.TAG_NAME, "script")), 1)
    try:
        driver.switch_to.alert
        expect("alert opened by credential text", True, False)
    except NoAlertPresentException:
        expect("alert opened by credential text", False, False)
    expect("injected text shown as text", "<script>alert(1)</script>" in driver.find_element(By.ID, "summary").text, True)
    driver.find_element(By.ID, "new-challenge").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "challenge-value").text != "")
    challenge = driver.find_element(By.ID, "challenge-value").text
    expect("challenge is 22 base64url characters", len(challenge) == 22, True)
    expect("command names the challenge and domain",
           f"--challenge {challenge} --domain " + url.split("//")[1].rstrip("/") in driver.find_element(By.ID, "challenge-command").text, True)
    presentation = present(challenge, driver.find_element(By.ID, "challenge-domain").text)
    expect("dropped presentation for the challenge", verdict_after(drop(presentation), "presentation.json"), "PASS")
    driver.find_element(By.ID, "new-challenge").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "challenge-value").text != challenge)
    driver.execute_script("document.getElementById('file-name').textContent = '';")
    expect("the same presentation for a newer challenge", verdict_after(drop(presentation), "presentation.json"), "FAIL")
finally:
    driver.quit()

if failures:
    print("browser test failed: " + ", ".join(failures))
    sys.exit(1)
print("browser test: every verdict as expected")
