// Annotation flows: the shared queue, drafts, skips, My work and its locks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { accessibilityProblems, annotating, browser, focusedValue, pair, percentile, screenshot, shownRecordId, signedInPage, Workspace } from "./harness.mjs";

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
        if (current[who] !== "done") assert.equal(await focusedValue(page, "data-record-id", current[who]), current[who]);
      }
    }
    for (const who of ["ann", "ben"]) {
      assert.equal(seen[who].length, count, `${who} saw ${seen[who].length} records`);
      assert.equal(new Set(seen[who]).size, count, `${who} saw a record twice: ${seen[who]}`);
    }
    await screenshot(pages.ann, "annotate-done");
    assert.equal(await focusedValue(pages.ann, "className", "card done"), "card done", "focus is not lost after the last submit");

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
    const transferred = await pages.ann.evaluate(() =>
      performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js")).reduce((sum, entry) => sum + entry.encodedBodySize, 0));
    const scripts = await Promise.all(scriptUrls.map(async (script) => (await pages.ann.request.get(script)).body()));
    const gzipped = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    console.log(`annotate screen JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (limit 250 KB), ` +
                `${(transferred / 1024).toFixed(1)} KB sent by quorum serve`);
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
    assert.equal(await focusedValue(page, "id", "question-preference"), "question-preference", "focus goes to the question");
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

test("the server's refusal of a submit is shown at the question it names", async () => {
  const site = new Workspace();
  try {
    const project = site.project(
      {
        fields: [{ name: "text", kind: "text" }],
        questions: [
          { name: "topic", title: "Topic", kind: "label", required: true, labels: ["sport", "politics"] },
          { name: "quality", title: "Quality", kind: "rating", required: true, values: [1, 2, 3, 4, 5] },
        ],
      },
      [{ id: "q1", text: "The match ended in a draw." }],
    );
    const { page, shown } = await annotating(site);
    // The UI checks the same rules before sending, so it never sends an answer the server would
    // refuse. To see the server's own 400 reach the screen, the submit leaves the browser with
    // the rating rewritten to a value the schema does not allow, and goes on to the real server.
    const rewrite = async (route) => {
      const body = route.request().postDataJSON();
      if (body?.status === "submitted") body.values.quality = 7;
      await route.continue({ postData: JSON.stringify(body) });
    };
    await page.route("**/api/v1/records/*/responses", rewrite);
    const refusal = page.waitForResponse((response) => response.url().includes("/responses") && response.request().method() === "POST");
    await page.locator("#question-topic").focus();
    await page.keyboard.press("1");
    await page.locator("#question-quality").focus();
    await page.keyboard.press("4");
    await page.keyboard.press("Control+Enter");
    const answer = await refusal;
    assert.equal(answer.status(), 400);
    const serverSaid = (await answer.json()).error.details.find((detail) => detail.subject === "question 'quality'").reason;
    assert.match(serverSaid, /7/, "the server's own words, naming the value it was sent");

    const question = page.locator("#question-quality");
    await question.locator(".error").waitFor();
    assert.equal(await question.locator(".error").innerText(), serverSaid);
    assert.equal(await question.getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator("#question-topic .error").count(), 0, "the other question is not blamed");
    await page.waitForFunction(() => document.activeElement?.id === "question-quality");
    assert.equal(await page.locator("[data-record-id]").getAttribute("data-record-id"), shown, "still on the same record");
    await screenshot(page, "annotate-server-error");
    assert.equal(site.exported(project)[0].responses?.length ?? 0, 0, "nothing was stored");

    // Sent as the UI means it, the same answers are taken.
    await page.unroute("**/api/v1/records/*/responses", rewrite);
    await page.keyboard.press("Control+Enter");
    assert.equal(await shownRecordId(page, shown), "done");
    assert.deepEqual(site.exported(project)[0].responses[0].values, { topic: "sport", quality: 4 });
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

test("an annotator the gold rule suspends is told why, and a manager's reinstatement lets them go on", async () => {
  const site = new Workspace();
  try {
    const gold = { gold: { preference: "response_a" } };
    const project = site.project("pairwise-preference", [pair(1, gold), pair(2, gold), pair(3, gold), pair(4)],
                                 { gold_ratio: 1, gold_suspend_below: 0.5, gold_suspend_after: 2 });
    const { page, shown } = await annotating(site);
    let current = shown;
    for (let step = 0; step < 2; ++step) {
      await page.keyboard.press("b");  // the gold answer is A
      await page.keyboard.press("Control+Enter");
      current = await shownRecordId(page, current);
    }
    assert.equal(current, "done", "no record is shown once suspended");
    const stopped = page.locator("[data-stop]");
    assert.equal(await stopped.getAttribute("data-stop"), "suspended");
    await page.getByRole("heading", { name: "Suspended" }).waitFor();
    assert.match(await stopped.innerText(), /0 of 2 of your answers[\s\S]*at least 50%[\s\S]*until a manager reinstates you/);
    assert.equal(await focusedValue(page, "className", "card done suspended"), "card done suspended");
    await screenshot(page, "annotate-suspended");
    assert.deepEqual(await accessibilityProblems(page), []);
    assert.match(site.cli(["queue", "--project", String(project)]), /ann@example\.org: .*SUSPENDED/);

    assert.match(site.cli(["reinstate", "--project", String(project), "--user", "ann@example.org"]), /was suspended/);
    await page.reload();
    const again = await shownRecordId(page);
    assert.notEqual(again, "done", "records flow again after the reinstatement");
  } finally {
    site.close();
  }
});
