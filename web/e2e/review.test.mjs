// Review: a reviewer accepts and rejects submitted responses on the Review screen, an annotator
// is not offered the screen but finds each verdict (and comment) in My work, and the export with
// --only-accepted counts what was accepted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityProblems, browser, pair, screenshot, signedInPage, Workspace, kPassword } from "./harness.mjs";

test("a reviewer accepts and rejects responses; the export counts only what they accepted", async () => {
  const site = new Workspace();
  try {
    for (const email of ["ann@example.org", "ben@example.org"]) site.annotator(email);
    site.cli(["user", "add", "--email", "rev@example.org", "--role", "reviewer", "--password", kPassword]);
    const answered = (index, ann, ben) =>
      pair(index, {
        responses: [
          { user: "ann@example.org", values: { preference: ann }, status: "submitted" },
          { user: "ben@example.org", values: { preference: ben }, status: "submitted" },
        ],
      });
    const project = site.project("pairwise-preference", [answered(1, "response_a", "response_a"), answered(2, "response_b", "response_a"), pair(3)]);
    const url = await site.serve();

    const annotator = await signedInPage(browser, url, "ann@example.org");
    assert.equal(await annotator.getByRole("link", { name: /^Review / }).count(), 0, "annotators are not offered the Review screen");

    const page = await signedInPage(browser, url, "rev@example.org");
    await page.getByRole("link", { name: "Review pairwise-preference" }).click();
    await page.getByRole("heading", { name: /^Review:/ }).waitFor();
    const items = page.locator("li.review-item");
    await items.nth(3).waitFor();
    assert.equal(await items.count(), 4, "the four submitted responses of p1 and p2; p3 has none");
    const ids = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-response")));

    // p1: accept both; p2: accept ann's B, reject ben's A with a comment.
    for (const id of ids.slice(0, 3)) {
      await page.getByRole("button", { name: `Accept response ${id}`, exact: true }).click();
      await page.locator(`li[data-response="${id}"].verdict-accepted`).waitFor();
    }
    const last = page.locator(`li[data-response="${ids[3]}"]`);
    await last.getByLabel("Comment (optional)").fill("A is <b>wrong</b> here");
    await page.getByRole("button", { name: `Reject response ${ids[3]}`, exact: true }).click();
    await page.locator(`li[data-response="${ids[3]}"].verdict-rejected`).waitFor();
    assert.equal(await page.getByRole("button", { name: `Reject response ${ids[3]}`, exact: true }).getAttribute("aria-pressed"), "true");
    await screenshot(page, "review");
    assert.deepEqual(await accessibilityProblems(page), []);

    // Ben finds the verdict and the comment (as text, not markup) in My work; Ann's p2 answer was accepted.
    const ben = await signedInPage(browser, url, "ben@example.org");
    await ben.goto(`${url}/#/projects/${project}/my-work`);
    const bensRows = ben.locator("table.work tbody tr");
    await bensRows.nth(1).waitFor();
    assert.equal(await bensRows.nth(1).locator("b").count(), 0, "the comment is not rendered as markup");
    assert.equal(await bensRows.nth(1).locator("q.review-comment").textContent(), "A is <b>wrong</b> here");
    assert.equal(await bensRows.nth(1).locator(".verdict").textContent(), "Rejected");
    assert.equal(await bensRows.nth(0).locator(".verdict").textContent(), "Accepted");
    await screenshot(ben, "my-work-reviewed");
    assert.deepEqual(await accessibilityProblems(ben), []);
    await annotator.goto(`${url}/#/projects/${project}/my-work`);
    await annotator.locator("table.work tbody tr").nth(1).waitFor();
    assert.deepEqual(await annotator.locator("table.work .verdict").allTextContents(), ["Accepted", "Accepted"]);

    // The export: p1 (A, A) and p2 (B alone: ben's rejected A does not count) with the flag.
    const rows = site.cli(["export", "--project", String(project), "--format", "dpo", "--only-accepted"]).trim().split("\n").map((line) => JSON.parse(line));
    assert.deepEqual(rows.map((row) => row.chosen), ["Answer A 1", "Answer B 2"]);
  } finally {
    site.close();
  }
});
