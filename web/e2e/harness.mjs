// End-to-end harness: a real `quorum` binary on a fresh database (a temporary SQLite file, or a
// new PostgreSQL schema when QUORUM_TEST_POSTGRES is set: tests/quorum_test_database decides),
// served on a free port, driven by Debian's chromium through playwright-core (which never downloads a browser).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { after } from "node:test";
import { chromium } from "playwright-core";

const kAxeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : (process.env[name.replace(/^--/, "QUORUM_E2E_").toUpperCase()] ?? fallback);
}

export const kBinary = argument("--binary", "../build/quorum");
export const kOut = argument("--out", "../build/web/e2e");
export const kFreshDatabase = argument("--fresh-database", "../build/tests/quorum_test_database");
export const kPassword = "correct horse battery";
mkdirSync(join(kOut, "screenshots"), { recursive: true });

// The URL of a database nothing has used yet, for `quorum --db`.
function freshDatabase(dir) {
  const result = spawnSync(kFreshDatabase, [dir], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${kFreshDatabase} ${dir} failed (${result.status ?? result.error}): ${result.stderr}`);
  return result.stdout.trim();
}

// A database of its own with the owner admin@localhost, and the `quorum` CLI run against it.
export class Workspace {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "quorum-e2e-"));
    this.db = freshDatabase(this.dir);
    this.cli(["init", "--email", "admin@localhost", "--password", kPassword]);
  }

  cli(args) {
    const result = spawnSync(kBinary, ["--db", this.db, ...args], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`quorum ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  }

  annotator(email) {
    this.cli(["user", "add", "--email", email, "--role", "annotator", "--password", kPassword]);
    return email;
  }

  // A project from a template name or a schema document (docs/schema.md) with `settings`,
  // holding `rows` (native or flat JSONL rows).
  project(template, rows, settings = {}) {
    let source = ["--template", template];
    if (typeof template !== "string") {
      source = ["--schema", join(this.dir, "schema.json")];
      writeFileSync(source[1], JSON.stringify(template));
    }
    const name = typeof template === "string" ? template : "custom";
    const project = JSON.parse(this.cli(["project", "create", "--name", name, ...source, "--json"]));
    if (Object.keys(settings).length) this.cli(["project", "settings", String(project.id), "--set", JSON.stringify(settings)]);
    const file = join(this.dir, `rows-${project.id}.jsonl`);
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
    this.cli(["import", "--project", String(project.id), file]);
    return project.id;
  }

  // The project's export: one native row per record, with its responses.
  exported(projectId) {
    const out = this.cli(["export", "--project", String(projectId), "--format", "jsonl"]);
    return out.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
  }

  // Starts `quorum serve` on a free port; resolves to its base URL once it listens.
  serve() {
    this.server = spawn(kBinary, ["--db", this.db, "serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    return new Promise((resolve, reject) => {
      let said = "";
      this.server.stderr.on("data", (chunk) => {
        said += chunk;
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(said);
        if (match && !this.url) resolve((this.url = match[1]));
      });
      this.server.on("exit", (code) => reject(new Error(`quorum serve exited (${code}): ${said}`)));
    });
  }

  close() {
    this.server?.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.QUORUM_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A signed-in page for `email` in a fresh browser context (its own cookies).
export async function signedInPage(browser, url, email, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error (${email}): ${error.message}`));
  await page.goto(url + "/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(kPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "My projects" }).waitFor();
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(kOut, "screenshots", name + ".png"), fullPage: true });
}

// The id of the record on screen (after it changed from `previous`).
export async function shownRecordId(page, previous = null) {
  const handle = await page.waitForFunction(
    (before) => {
      const section = document.querySelector("[data-record-id]");
      if (section && section.getAttribute("data-record-id") !== before) return section.getAttribute("data-record-id");
      if (document.querySelector(".done")) return "done";
      return null;
    },
    previous === null ? null : String(previous),
  );
  return handle.jsonValue();
}

export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

// WCAG 2 A and AA problems axe-core finds on the page as it is (labels, names, contrast, roles),
// as "rule: target" lines. axe is evaluated through the DevTools protocol, which the page's
// Content-Security-Policy does not govern.
export async function accessibilityProblems(page) {
  await page.evaluate(kAxeSource);
  const results = await page.evaluate(() => window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] }));
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

// One browser for the whole run; each test gets fresh contexts (cookies) from it.
export const browser = await launchBrowser();
after(() => browser.close());

// ann@example.org, an annotator, signed in on a fresh server of `site`, on the annotate screen
// of its first project.
export async function annotating(site, viewport) {
  site.annotator("ann@example.org");
  const url = await site.serve();
  const page = await signedInPage(browser, url, "ann@example.org", viewport);
  await page.getByRole("link", { name: "Annotate" }).first().click();
  return { url, page, shown: await shownRecordId(page) };
}

export const pair = (index, extra = {}) => ({
  id: `p${index}`,
  prompt: `Question ${index}: explain **TCP**`,
  response_a: `Answer A ${index}`,
  response_b: `Answer B ${index}`,
  ...extra,
});

// The focused element's `key` ("id", "className", "textContent" or a "data-" attribute) once
// focus has settled on `expected`, or whatever it is after two seconds: the UI moves focus in
// effects that run after the paint, so reading it at once races with them.
export async function focusedValue(page, key, expected) {
  // Written out twice: functions are sent to the page as source text, so they cannot share one.
  await page
    .waitForFunction(([key, expected]) => {
      const element = document.activeElement;
      const value = !element ? null : key.startsWith("data-") ? element.getAttribute(key) : element[key];
      return value === expected;
    }, [key, expected], { timeout: 2000 })
    .catch(() => {});
  return page.evaluate((key) => {
    const element = document.activeElement;
    return !element ? null : key.startsWith("data-") ? element.getAttribute(key) : element[key];
  }, key);
}
