// Question kinds and field kinds in the browser: what the annotator does, what is stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { annotating, focusedValue, pair, screenshot, shownRecordId, Workspace } from "./harness.mjs";

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

    // A wrong span, selected by word (Ctrl+Shift+Right from the start: "Zoë", not "Zo"), then
    // removed again.
    await box.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("Control+Shift+ArrowRight");
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
    assert.equal(await focusedValue(page, "id", "rank-ranking-response_2"), "rank-ranking-response_2", "focus follows the item");
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
