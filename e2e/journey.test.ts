import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { browserSkipReason, launchBrowser, startApp, type RunningApp } from "./harness";

const outDir = fileURLToPath(new URL("./out/", import.meta.url));
const skip = browserSkipReason();

describe("golden journey: sign in, register an AI system, see it listed and its history", { skip }, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    mkdirSync(outDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("signs in with e-mail and password", async () => {
    await page.goto(app.baseUrl);
    await page.getByLabel("Email").fill(app.owner.email);
    await page.getByLabel("Password").fill(app.owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "AI systems" }).first().waitFor();
  });

  it("rejects a wrong password with a message and stays on the sign-in page", async () => {
    const other = await browser.newPage();
    await other.goto(app.baseUrl);
    await other.getByLabel("Email").fill(app.owner.email);
    await other.getByLabel("Password").fill("wrong password 123");
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.getByText(/not correct/i).waitFor();
    await other.close();
  });

  it("registers an AI system through the form", async () => {
    await page.getByRole("link", { name: "AI systems" }).first().click();
    await page
      .getByRole("button", { name: "Register AI system" })
      .or(page.getByRole("link", { name: "Register AI system" }))
      .first()
      .click();
    // The shared schema's validation runs in the browser: an empty name is refused before anything is sent.
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByText(/must not be empty/i)
      .first()
      .waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Loan approval model");
    await page.getByLabel("Purpose").fill("Scores consumer loan applications for manual review");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Loan approval model" }).waitFor();
  });

  it("lists the new system in the register", async () => {
    await page.getByRole("link", { name: "AI systems" }).first().click();
    const link = page.getByRole("table").getByRole("link", { name: "Loan approval model" });
    await link.waitFor();
    await page.screenshot({ path: `${outDir}ai-systems-list.png` });
    await link.click();
  });

  it("shows the system's history from the audit trail", async () => {
    await page.getByRole("tab", { name: "History" }).click();
    await page
      .getByText(/ai_system\.created|created/i)
      .first()
      .waitFor();
    const text = await page.getByRole("tabpanel").innerText();
    assert.match(text, /Loan approval model/);
    await page.screenshot({ path: `${outDir}ai-system-history.png` });
  });
});
