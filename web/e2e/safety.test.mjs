// What must never happen or always hold: script from records, sessions, accessibility, headers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityProblems, annotating, browser, focusedValue, pair, screenshot, shownRecordId, signedInPage, Workspace } from "./harness.mjs";

test("a record carrying HTML and script runs nothing", async () => {
  const site = new Workspace();
  try {
    const attack = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2;alert(2)</script>';
    const project = site.project("pairwise-preference", [
      pair(1, {
        prompt: `# Hi\n${attack}\n<svg onload="window.__xss=3"></svg>`,
        response_a: `[click me](javascript:window.__xss=4) <iframe src="javascript:window.__xss=5"></iframe>`,
        response_b: `<a href="#" onclick="window.__xss=6">b</a> <style>body{display:none}</style>`,
      }),
    ]);
    site.annotator("ann@example.org");
    const url = await site.serve();
    const page = await signedInPage(browser, url, "ann@example.org");
    const dialogs = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.getByRole("link", { name: "Annotate" }).click();
    await shownRecordId(page);
    await page.getByText("click me").click();
    await page.waitForTimeout(300); // let an onerror or onload fire if it were going to (no figure is asserted on time)
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    const record = page.locator(".record-fields");
    assert.equal(await record.locator("script, iframe, style, svg").count(), 0);
    assert.equal(await record.locator("[onerror], [onload], [onclick]").count(), 0);
    assert.equal(await record.locator('a[href^="javascript:"]').count(), 0);
    assert.ok(await page.locator("body").isVisible(), "injected CSS did not hide the page");
    await screenshot(page, "annotate-xss");
    // The server's policy forbids inline script outright, as a second wall.
    const answer = await page.request.get(url + "/");
    assert.match(answer.headers()["content-security-policy"], /script-src 'self';/);
    assert.equal(site.exported(project).length, 1);
  } finally {
    site.close();
  }
});

test("login, the shortcut overlay, guidelines and logout", async () => {
  const site = new Workspace();
  try {
    site.project("pairwise-preference", [pair(1)]);
    site.annotator("ann@example.org");
    const url = await site.serve();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url + "/");
    await screenshot(page, "login");
    await page.getByLabel("Email").fill("ann@example.org");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").getByText("wrong email or password").waitFor();
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("link", { name: "Annotate" }).click();
    await shownRecordId(page);
    // The record takes focus in an effect, after the paint that shows it: wait for that.
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-record-id"));
    const focusedBefore = await page.evaluate(() => document.activeElement?.getAttribute("data-record-id"));
    assert.ok(focusedBefore, "the record has focus before the overlay opens");
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    // The dialog moves focus to its Close button in an effect, which runs after the paint.
    const closeFocused = () => page.waitForFunction(() => document.activeElement?.textContent === "Close");
    await closeFocused();
    await screenshot(page, "shortcuts");
    // A modal dialog: Tab and Shift+Tab never leave it; closing it gives focus back.
    const inDialog = () => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null);
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      assert.ok(await inDialog(), `focus stays in the dialog after ${key}`);
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Close");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.equal(await focusedValue(page, "data-record-id", focusedBefore), focusedBefore, "focus returns to the record");
    // Opened with the mouse and closed with its button, focus goes back to the opener.
    await page.getByRole("button", { name: "Shortcuts (?)" }).click();
    await closeFocused();
    await page.getByRole("button", { name: "Close" }).click();
    assert.equal(await focusedValue(page, "textContent", "Shortcuts (?)"), "Shortcuts (?)");
    await page.getByText(/Guidelines \(version/).click();
    await screenshot(page, "guidelines");
    // A session ended elsewhere (here: logged out by another tab) sends the page to the login.
    const other = await context.newPage();
    await other.goto(url + "/");
    await other.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "My work" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    await page.getByLabel("Email").fill("ann@example.org");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    const me = await page.request.get(url + "/api/v1/me");
    assert.equal(me.status(), 401, "the session is gone");

    // What the binary sends on the wire: index.html revalidated, hashed assets cached for good.
    const index = await page.request.get(url + "/");
    assert.equal(index.headers()["cache-control"], "no-cache");
    assert.match(index.headers()["content-type"], /^text\/html/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())[1];
    const asset = await page.request.get(url + script, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert.match(asset.headers()["content-type"], /^text\/javascript/);
    assert.equal(asset.headers()["content-encoding"], "gzip", "sent compressed to a browser that takes gzip");
    assert.match((await asset.body()).toString("utf8", 0, 200), /[a-zA-Z]/, "and decoded back to script");
  } finally {
    site.close();
  }
});

test("every screen passes axe-core's WCAG 2 A and AA checks", async () => {
  const site = new Workspace();
  try {
    const projects = {
      pairwise: site.project("pairwise-preference", [pair(1)]),
      fivePoint: site.project("preference-5point-rubric", [pair(1)]),
      ner: site.project("ner-spans", [{ id: "n1", text: "Ada Lovelace met Charles Babbage in London." }]),
      ranking: site.project("best-of-n-ranking", [{ id: "k1", prompt: "p", response_1: "a", response_2: "b", response_3: "c", response_4: "d" }]),
      chat: site.project("dialogue-rating", [{ id: "c1", conversation: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }] }]),
      sft: site.project("sft-demonstration", [{ id: "s1", prompt: "Say hi", response: "Hi!" }]),
      labels: site.project("response-rating", [{ id: "r1", prompt: "p", response: "r" }]),
    };
    const { url, page } = await annotating(site);
    const problems = [];
    const check = async (screen) => problems.push(...(await accessibilityProblems(page)).map((problem) => `${screen}: ${problem}`));
    for (const [name, id] of Object.entries(projects)) {
      await page.goto(`${url}/#/projects/${id}/annotate`);
      await shownRecordId(page);
      await check(name);
    }
    await page.locator("[data-record-id]").focus();
    await page.keyboard.press("Control+Enter");
    await page.locator(".question.invalid").first().waitFor();
    await check("required error");
    await page.keyboard.press("?");
    await check("shortcuts");
    await page.goto(`${url}/#/projects/${projects.pairwise}/my-work`);
    await page.getByRole("heading", { name: "My work" }).waitFor();
    await check("my work");
    await page.goto(`${url}/#/`);
    await page.getByText(/submitted by me/).first().waitFor();
    await check("projects");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    await check("login");
    assert.deepEqual(problems, []);
  } finally {
    site.close();
  }
});
