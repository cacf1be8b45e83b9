// The web UI end to end: `node e2e/run.mjs --binary build/quorum --out build/web/e2e`.
// Each test starts its own server on its own database; screenshots go to OUT/screenshots and
// the speed figures (next record after submit; gzipped JS of the annotate screen) are printed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { accessibilityProblems, launchBrowser, percentile, screenshot, shownRecordId, signedInPage, Workspace } from "./harness.mjs";

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

// ann@example.org, an annotator, signed in on a fresh server of `site`, on the annotate screen
// of its first project.
async function annotating(site, viewport) {
  site.annotator("ann@example.org");
  const url = await site.serve();
  const page = await signedInPage(browser, url, "ann@example.org", viewport);
  await page.getByRole("link", { name: "Annotate" }).first().click();
  return { url, page, shown: await shownRecordId(page) };
}

const pair = (index, extra = {}) => ({
  id: `p${index}`,
  prompt: `Question ${index}: explain **TCP**`,
  response_a: `Answer A ${index}`,
  response_b: `Answer B ${index}`,
  ...extra,
});

test("two annotators on a pairwise project with overlap 2 each see each record once", async () => {
  const site = new Workspace();
  try {
    const count = 12;
    const project = site.project("pairwise-preference", Array.from({ length: count }, (_, index) => pair(index + 1)), { overlap: 2 });
    for (const email of ["ann@example.org", "ben@example.org"]) site.annotator(email);
    const url = await site.serve();
    const pages = {
      ann: await signedInPage(browser, url, "ann@example.org"),
      ben: await signedInPage(browser, url, "ben@example.org"),
    };
    await screenshot(pages.ann, "projects");
    const seen = { ann: [], ben: [] };
    for (const page of Object.values(pages)) await page.getByRole("link", { name: "Annotate" }).click();
    // Turn about, so that both are in the queue at once: A with the key, then Ctrl+Enter.
    let current = { ann: await shownRecordId(pages.ann), ben: await shownRecordId(pages.ben) };
    for (let step = 0; current.ann !== "done" || current.ben !== "done"; ++step) {
      for (const who of ["ann", "ben"]) {
        if (current[who] === "done") continue;
        const page = pages[who];
        seen[who].push(current[who]);
        if (step === 0 && who === "ann") await screenshot(page, "annotate-pairwise-1280");
        await page.keyboard.press(who === "ann" ? "a" : "b");
        await page.keyboard.press("Control+Enter");
        current[who] = await shownRecordId(page, current[who]);
        // Focus stays on the page's record, not on <body>.
        if (current[who] !== "done") assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-record-id")), current[who]);
      }
    }
    for (const who of ["ann", "ben"]) {
      assert.equal(seen[who].length, count, `${who} saw ${seen[who].length} records`);
      assert.equal(new Set(seen[who]).size, count, `${who} saw a record twice: ${seen[who]}`);
    }
    await screenshot(pages.ann, "annotate-done");
    assert.equal(await pages.ann.evaluate(() => document.activeElement?.className), "card done", "focus is not lost after the last submit");

    const rows = site.exported(project);
    for (const row of rows) {
      const submitted = row.responses.filter((response) => response.status === "submitted");
      assert.deepEqual(submitted.map((response) => response.user).sort(), ["ann@example.org", "ben@example.org"]);
      assert.equal(submitted.find((response) => response.user === "ann@example.org").values.preference, "response_a");
      assert.ok(submitted.every((response) => response.time_spent_ms > 0), "time on task is sent");
    }

    const durations = [];
    for (const page of Object.values(pages))
      durations.push(...(await page.evaluate(() => performance.getEntriesByName("quorum:next-record").map((entry) => entry.duration))));
    durations.sort((left, right) => left - right);
    console.log(`next record shown after submit: n=${durations.length} p50=${percentile(durations, 0.5).toFixed(1)} ms ` +
                `p95=${percentile(durations, 0.95).toFixed(1)} ms max=${durations.at(-1).toFixed(1)} ms (target < 100 ms)`);
    const scriptUrls = await pages.ann.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
    const scripts = await Promise.all(scriptUrls.map(async (script) => (await pages.ann.request.get(script)).body()));
    const gzipped = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    console.log(`annotate screen JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (limit 250 KB)`);
    assert.ok(scripts.length > 0 && gzipped <= 250 * 1024);

    // My work: the list, and a submitted response reopened and changed (a new revision).
    await pages.ann.getByRole("link", { name: "See my work" }).click();
    await pages.ann.getByRole("heading", { name: "My work" }).waitFor();
    assert.equal(await pages.ann.locator("table.work tbody tr").count(), count);
    await screenshot(pages.ann, "my-work");
    await pages.ann.locator("table.work tbody tr").first().getByRole("link", { name: "Edit" }).click();
    await pages.ann.getByLabel(/B: Response B is better/).check();
    await pages.ann.getByRole("button", { name: /Submit/ }).click();
    await pages.ann.getByRole("heading", { name: "My work" }).waitFor();
    const first = site.exported(project)[0].responses.find((response) => response.user === "ann@example.org");
    assert.equal(first.values.preference, "response_b");
  } finally {
    site.close();
  }
});

test("a required question left empty is refused and shown at the question", async () => {
  const site = new Workspace();
  try {
    const project = site.project("pairwise-preference", [pair(1)]);
    site.annotator("ann@example.org");
    const url = await site.serve();
    const page = await signedInPage(browser, url, "ann@example.org");
    await page.getByRole("link", { name: "Annotate" }).click();
    const before = await shownRecordId(page);
    await page.getByLabel("Why? (optional)").fill("no preference given");
    await page.getByRole("button", { name: /Submit/ }).click();
    const question = page.locator("#question-preference");
    await question.locator(".error").waitFor();
    assert.match(await question.locator(".error").innerText(), /needs an answer/);
    assert.equal(await question.getAttribute("aria-invalid"), "true");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "question-preference", "focus goes to the question");
    assert.equal(await page.locator("[data-record-id]").getAttribute("data-record-id"), before, "still on the same record");
    await screenshot(page, "annotate-required-error");
    assert.equal(site.exported(project)[0].responses?.filter((response) => response.status === "submitted").length ?? 0, 0);
    // Answering clears the error; a draft is saved, found again in My work, and finished there.
    await page.locator("[data-record-id]").focus();
    await page.keyboard.press("b");
    assert.equal(await question.locator(".error").count(), 0);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Draft saved/).waitFor();
    assert.equal(site.exported(project)[0].responses[0].status, "draft");
    await page.getByRole("link", { name: "My work" }).click();
    await page.getByRole("cell", { name: "Draft" }).waitFor();
    await page.getByRole("link", { name: "Continue" }).click();
    await shownRecordId(page);
    assert.ok(await page.getByLabel(/B: Response B is better/).isChecked(), "the draft's answer is back");
    assert.equal(await page.getByLabel("Why? (optional)").inputValue(), "no preference given");
    await page.keyboard.press("Control+Enter");
    await page.getByRole("cell", { name: "Submitted" }).waitFor();
    const stored = site.exported(project)[0].responses[0];
    assert.equal(stored.status, "submitted");
    assert.deepEqual(stored.values, { preference: "response_b", rationale: "no preference given" });
  } finally {
    site.close();
  }
});

test("spans selected on non-ASCII text are stored in code points", async () => {
  const site = new Workspace();
  try {
    // Code points: Zoë(0-3) met(4-7) 李雷(8-10) in(11-13) 🇫🇷(14-16: two code points, four UTF-16 units) Paris(17-22).
    const text = "Zoë met 李雷 in 🇫🇷 Paris 🎉";
    const project = site.project("ner-spans", [{ id: "n1", text }]);
    const { page, shown } = await annotating(site);
    const box = page.locator(".span-text");

    // Keyboard: Home, 8 steps right, Shift+2 steps right, then 1 (PER).
    await box.focus();
    await page.keyboard.press("Home");
    for (let step = 0; step < 8; ++step) await page.keyboard.press("ArrowRight");
    for (let step = 0; step < 2; ++step) await page.keyboard.press("Shift+ArrowRight");
    await page.getByText("Selected: “李雷”").waitFor();
    await page.keyboard.press("1");
    await page.locator(".span-list li").first().waitFor();

    // Mouse: drag across "Paris" (after the flag), then the LOC button.
    const [from, to] = await page.evaluate(() => {
      const node = [...document.querySelector(".span-text").childNodes].find((child) => child.nodeType === 3 && child.textContent.includes("Paris"));
      const start = node.textContent.indexOf("Paris");
      const rect = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = rect(start), last = rect(start + 4);
      return [{ x: first.left + 1, y: first.top + first.height / 2 }, { x: last.right - 1, y: last.top + last.height / 2 }];
    });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await page.getByText("Selected: “Paris”").waitFor();
    await page.getByRole("button", { name: "LOC" }).click();

    // A wrong span, removed again.
    await box.focus();
    await page.keyboard.press("Home");
    for (let step = 0; step < 3; ++step) await page.keyboard.press("Shift+ArrowRight");
    await page.getByText("Selected: “Zoë”").waitFor();
    await page.keyboard.press("4");
    assert.equal(await page.locator(".span-list li").count(), 3);
    await page.getByRole("button", { name: /Remove MISC span/ }).click();
    assert.equal(await page.locator(".span-list li").count(), 2);
    await screenshot(page, "annotate-ner");

    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    const response = site.exported(project)[0].responses[0];
    assert.deepEqual(response.values.entities, [
      { start: 8, end: 10, label: "PER" },
      { start: 17, end: 22, label: "LOC" },
    ]);
    assert.equal([...text].slice(17, 22).join(""), "Paris");
  } finally {
    site.close();
  }
});

test("a suggestion pre-fills a text question and the edit is stored", async () => {
  const site = new Workspace();
  try {
    const suggested = "A draft answer from the model.";
    const project = site.project("sft-demonstration", [{ id: "s1", prompt: "Write a haiku about *queues*", response: suggested }]);
    const { page, shown } = await annotating(site, { width: 390, height: 844 });
    const box = page.locator("textarea[name=response]");
    assert.equal(await box.inputValue(), suggested);
    await screenshot(page, "annotate-sft-390");
    await box.fill("Requests wait in line\nthe server answers each one\nno one is dropped");
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    const row = site.exported(project)[0];
    assert.equal(row.responses[0].values.response, "Requests wait in line\nthe server answers each one\nno one is dropped");
    assert.equal(row.suggestions[0].value, suggested, "the suggestion itself is unchanged");
  } finally {
    site.close();
  }
});

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
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await screenshot(page, "shortcuts");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByRole("dialog").count(), 0);
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
    const asset = await page.request.get(url + script);
    assert.equal(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert.match(asset.headers()["content-type"], /^text\/javascript/);
  } finally {
    site.close();
  }
});

test("a ranking is ordered by keys and by dragging", async () => {
  const site = new Workspace();
  try {
    const project = site.project("best-of-n-ranking", [
      { id: "k1", prompt: "Name a prime", response_1: "4", response_2: "7", response_3: "9", response_4: "11" },
    ]);
    const { page, shown } = await annotating(site);
    const items = page.locator(".ranking li");
    // Keys: response_2 up to first place.
    await items.nth(1).focus();
    await page.keyboard.press("Alt+ArrowUp");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "rank-ranking-response_2", "focus follows the item");
    // Drag: response_4 (last) onto the second place.
    await items.nth(3).dragTo(items.nth(1));
    const order = await items.evaluateAll((list) => list.map((item) => item.id.replace("rank-ranking-", "")));
    assert.deepEqual(order, ["response_2", "response_4", "response_1", "response_3"]);
    await screenshot(page, "annotate-ranking");
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    assert.deepEqual(site.exported(project)[0].responses[0].values.ranking, ["response_2", "response_4", "response_1", "response_3"]);
  } finally {
    site.close();
  }
});

test("a chat record is rated and labelled with number keys", async () => {
  const site = new Workspace();
  try {
    const project = site.project("dialogue-rating", [
      {
        id: "c1",
        conversation: [
          { role: "system", content: "You are helpful." },
          { role: "user", content: "How do I **reverse** a list in Python?" },
          { role: "assistant", content: "Use `items[::-1]` or `items.reverse()`." },
        ],
      },
    ]);
    const { page, shown } = await annotating(site, { width: 390, height: 844 });
    assert.deepEqual(await page.locator(".chat .role").allInnerTexts(), ["SYSTEM", "USER", "ASSISTANT"]);
    assert.equal(await page.locator(".chat strong").innerText(), "reverse");
    await page.keyboard.press("6"); // the first keyed question: quality, 6th value
    await page.locator("#question-safe").focus();
    await page.keyboard.press("1"); // the focused question: safe, 1st label
    await screenshot(page, "annotate-chat-390");
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    assert.deepEqual(site.exported(project)[0].responses[0].values, { quality: 6, safe: "safe" });
  } finally {
    site.close();
  }
});

test("a 5-point preference with rubric ratings is answered from the keyboard", async () => {
  const site = new Workspace();
  try {
    const project = site.project("preference-5point-rubric", [pair(1)]);
    const { page, shown } = await annotating(site);
    await page.keyboard.press("2"); // the first keyed question, the preference: A is slightly better
    for (const [name, key] of [["helpfulness_a", "4"], ["helpfulness_b", "3"], ["safety_a", "5"], ["safety_b", "5"]]) {
      await page.locator("#question-" + name).focus();
      await page.keyboard.press(key);
    }
    await page.locator("textarea[name=rationale]").fill("A is clearer.");
    await screenshot(page, "annotate-five-point");
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    assert.deepEqual(site.exported(project)[0].responses[0].values, {
      preference: -1, helpfulness_a: 4, helpfulness_b: 3, safety_a: 5, safety_b: 5, rationale: "A is clearer.",
    });
  } finally {
    site.close();
  }
});

test("an image field is shown and a multi-label question takes several keys", async () => {
  const site = new Workspace();
  try {
    const pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    const project = site.project(
      {
        fields: [{ name: "photo", title: "Photo", kind: "image_url" }, { name: "caption", kind: "markdown" }],
        questions: [{ name: "tags", title: "Tags", kind: "multi_label", required: true, labels: ["cat", "dog", "outdoor"] }],
      },
      [{ id: "i1", photo: pixel, caption: "A *tiny* picture" }],
    );
    const { page, shown } = await annotating(site);
    const image = page.getByRole("img", { name: "Photo" });
    await page.waitForFunction(() => document.querySelector(".field-image")?.complete);
    assert.equal(await image.evaluate((element) => element.naturalWidth), 1, "the CSP lets record images load");
    await page.keyboard.press("3");
    await page.keyboard.press("1");
    await page.keyboard.press("2");
    await page.keyboard.press("2"); // toggled off again
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    assert.deepEqual(site.exported(project)[0].responses[0].values, { tags: ["cat", "outdoor"] });
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

test("skip stores a discarded response; a project that freezes submissions shows them locked", async () => {
  const site = new Workspace();
  try {
    const project = site.project("pairwise-preference", [pair(1), pair(2)], { allow_edit_submitted: false });
    const { page, shown } = await annotating(site);
    await page.getByRole("button", { name: "Skip" }).click();
    const second = await shownRecordId(page, shown);
    assert.notEqual(second, "done");
    await page.keyboard.press("a");
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, second), "done");
    assert.deepEqual(site.exported(project).map((row) => row.responses[0].status), ["discarded", "submitted"]);
    await page.getByRole("link", { name: "See my work" }).click();
    const rows = page.locator("table.work tbody tr");
    await rows.first().waitFor();
    assert.match(await rows.nth(0).innerText(), /Skipped/);
    assert.equal(await rows.nth(0).getByRole("link", { name: "Edit" }).count(), 1, "a skip can be reopened");
    assert.match(await rows.nth(1).innerText(), /Submitted[\s\S]*Locked/);
    assert.equal(await rows.nth(1).getByRole("link").count(), 0);
  } finally {
    site.close();
  }
});
