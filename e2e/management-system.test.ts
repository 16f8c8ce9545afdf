import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import {
  browserSkipReason,
  launchBrowser,
  openNav,
  personPage,
  signIn as signInAs,
  startApp,
  type RunningApp,
} from "./harness";

const outDir = fileURLToPath(new URL("./out/", import.meta.url));
const skip = browserSkipReason();

/**
 * Issue 3 §10: the AI policy approved by two people, A.2.2 applicable and implemented with evidence, an SoA
 * version approved by someone other than who froze it, and readiness showing 5.2 and A.2.2 ready. Each person
 * has a browser context of their own (own session cookie); every step goes through the UI.
 */
describe("management system journey: AI policy, SoA with evidence, readiness", { skip }, () => {
  let app: RunningApp;
  let browser: Browser;
  let owner: Page;
  let lead: Page;

  const signIn = (page: Page, email: string, password: string) =>
    signInAs(page, app, { email, password }, "Policies & documents");

  before(async () => {
    app = await startApp({ members: [{ name: "Grace Lead", role: "governance_lead" }] });
    browser = await launchBrowser();
    // A step that cannot find what it waits for fails within seconds, not the default half-minute.
    owner = await personPage(browser, 10_000);
    lead = await personPage(browser, 10_000);
    mkdirSync(outDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("the owner drafts the AI policy from its template and submits it, but cannot approve it", async () => {
    await signIn(owner, app.owner.email, app.owner.password);
    await openNav(owner, "Policies & documents");
    await owner.getByRole("button", { name: "New from template" }).first().click();
    const dialog = owner.getByRole("dialog", { name: "New document from a template" });
    await dialog.locator('input[type="radio"][value="ai_policy"]').check();
    await dialog.getByRole("button", { name: "Create draft" }).click();
    await owner.getByRole("heading", { level: 1, name: "AI policy" }).waitFor();

    await owner.getByRole("button", { name: "Submit for review" }).click();
    // Four eyes, as the UI presents it: the author is told someone else approves, and has no approve button.
    await owner.getByText(/waits for approval by someone .* who did not write or edit it/).waitFor();
    assert.equal(await owner.getByRole("button", { name: /^Approve/ }).count(), 0);
    assert.equal(await owner.getByRole("button", { name: /^Publish/ }).count(), 0);
    await owner.screenshot({ path: `${outDir}ms-policy-in-review-author.png` });
  });

  it("a second member approves and publishes the AI policy", async () => {
    const grace = app.members[0]!;
    await signIn(lead, grace.email, grace.password);
    await openNav(lead, "Policies & documents");
    await lead.getByRole("table").getByRole("link", { name: "AI policy" }).click();
    await lead.getByRole("heading", { level: 1, name: "AI policy" }).waitFor();

    await lead.getByRole("button", { name: "Approve version 1" }).click();
    const dialog = lead.getByRole("dialog", { name: "Approve version 1" });
    await dialog.getByLabel("Comment (optional)").fill("Reviewed with the board; fine to publish.");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    await lead.getByRole("button", { name: "Publish version 1" }).click();
    await lead.getByText("latest version 1, version 1 in force").waitFor();
    assert.equal(await lead.getByRole("button", { name: /^Publish/ }).count(), 0);
    await lead.screenshot({ path: `${outDir}ms-policy-published.png` });
  });

  it("the owner marks A.2.2 applicable, implemented and owned in the SoA", async () => {
    await openNav(owner, "Readiness");
    const readiness = owner.locator('article[id="A.2.2"]');
    await readiness.getByText("no applicability decision in the SoA").waitFor();

    await openNav(owner, "Statement of Applicability");
    await owner.getByRole("button", { name: "Edit A.2.2" }).click();
    const dialog = owner.getByRole("dialog", { name: /^A\.2\.2 / });
    await dialog.getByLabel("Applicable?").selectOption({ label: "Yes, the control applies" });
    await dialog
      .getByLabel("Justification")
      .fill("We develop and use AI systems, so leadership sets direction in a published AI policy.");
    await dialog.getByLabel("Implementation status").selectOption({ label: "Implemented" });
    await dialog.getByLabel("Owner").selectOption({ label: "Grace Lead" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const row = owner.getByRole("row", { name: /A\.2\.2 AI policy/ });
    await row.getByText("Grace Lead").waitFor();
    await row.getByText("Applicable", { exact: true }).waitFor();
    await row.getByText("Implemented", { exact: true }).waitFor();

    // Readiness follows at once: only the evidence and the approved version are still missing.
    await openNav(owner, "Readiness");
    await readiness.getByText("Partial", { exact: true }).waitFor();
    const gaps = await readiness.getByRole("listitem").allInnerTexts();
    assert.ok(
      gaps.some((t) => t.startsWith("no current evidence")),
      gaps.join(" | "),
    );
    assert.ok(
      gaps.some((t) => t.startsWith("no approved SoA version yet")),
      gaps.join(" | "),
    );
    assert.ok(!gaps.some((t) => t.includes("applicability decision")), gaps.join(" | "));
  });

  it("the owner uploads evidence for A.2.2", async () => {
    await openNav(owner, "Evidence");
    await owner.getByRole("button", { name: "Add evidence" }).first().click();
    const dialog = owner.getByRole("dialog", { name: "Add evidence" });
    await dialog.getByLabel("File", { exact: true }).setInputFiles({
      name: "ai-policy-briefing.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        "All staff were briefed on the AI policy on the intranet and in the team meeting.\n",
      ),
    });
    await dialog.getByLabel("Title").fill("AI policy staff briefing");
    await dialog.getByLabel("Clause or control").fill("A.2.2");
    await dialog.getByRole("button", { name: "Add", exact: true }).first().click();
    await dialog.getByRole("list", { name: "Links" }).getByText("A.2.2 AI policy").waitFor();
    await dialog.getByRole("button", { name: "Add evidence" }).click();
    await owner.getByRole("heading", { level: 1, name: "AI policy staff briefing" }).waitFor();
    await owner.screenshot({ path: `${outDir}ms-evidence.png` });

    // The SoA counts it for A.2.2.
    await openNav(owner, "Statement of Applicability");
    const row = owner.getByRole("row", { name: /A\.2\.2 AI policy/ });
    await row.getByTitle("AI policy staff briefing").waitFor();
    await owner.screenshot({ path: `${outDir}ms-soa-controls.png` });
  });

  it("the owner freezes an SoA version and the second member approves it", async () => {
    await owner.getByRole("tab", { name: "Versions" }).click();
    await owner.getByLabel("Note for the reviewers (optional)").fill("First SoA: A.2.2 decided");
    await owner.getByRole("button", { name: "Freeze a new version" }).click();
    const ownerRow = owner.getByRole("table", { name: "SoA versions" }).getByRole("row").nth(1);
    await ownerRow.getByText("In review").waitFor();
    // Four eyes again: whoever froze the version does not approve it.
    await ownerRow.getByText("You froze it, so someone else approves it.").waitFor();
    assert.equal(await ownerRow.getByRole("button", { name: "Approve" }).count(), 0);

    await openNav(lead, "Statement of Applicability");
    await lead.getByRole("tab", { name: "Versions" }).click();
    const leadRow = lead.getByRole("table", { name: "SoA versions" }).getByRole("row").nth(1);
    await leadRow.getByRole("button", { name: "Approve" }).click();
    await leadRow.getByText("Approved", { exact: true }).waitFor();
    await lead.getByText("Approved version in force:").waitFor();
    await lead.screenshot({ path: `${outDir}ms-soa-approved.png` });
  });

  it("readiness shows 5.2 and A.2.2 ready", async () => {
    await openNav(owner, "Readiness");
    for (const nodeId of ["5.2", "A.2.2"]) {
      const node = owner.locator(`article[id="${nodeId}"]`);
      await node.getByText("Ready", { exact: true }).waitFor();
      assert.equal(await node.getByRole("heading", { name: "Missing" }).count(), 0, nodeId);
    }
    const policy = await owner.locator('article[id="5.2"]').innerText();
    assert.match(policy, /AI policy "AI policy" version 1 is published/);
    const control = await owner.locator('article[id="A.2.2"]').innerText();
    assert.match(control, /marked applicable in the SoA/);
    assert.match(control, /1 current evidence item/);
    assert.match(control, /in approved SoA version 1/);
    await owner.locator('article[id="A.2.2"]').scrollIntoViewIfNeeded();
    await owner.screenshot({ path: `${outDir}ms-readiness.png` });
  });

  it("leaves an audit trail whose hash chain verifies", async () => {
    const res = await owner.request.get(`${app.baseUrl}/api/v1/orgs/${app.owner.orgId}/audit-events/verify`);
    assert.equal(res.status(), 200);
    const body = (await res.json()) as { ok: boolean; checked: number };
    assert.equal(body.ok, true, JSON.stringify(body));
    assert.ok(body.checked > 0);
  });
});
