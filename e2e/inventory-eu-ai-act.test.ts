import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import {
  classifyAiSystem,
  currentEuAiActRules,
  deadlineIsUrgent,
  type ClassificationAnswers,
} from "@openaims/core";
import {
  browserSkipReason,
  launchBrowser,
  openNav,
  personPage,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

const outDir = fileURLToPath(new URL("./out/", import.meta.url));
const skip = browserSkipReason();

const SYSTEM = "Credit scoring assistant";
const MODEL = "Scorecard GBM";
const DATASET = "Loan applicant health records";
const EVIDENCE = "Human oversight procedure";
const ASSESSMENT = "FRIA: credit scoring assistant";
const INCIDENT = "Applicant refused treatment loan after a wrong score";
const TOPIC = "AI literacy basics";

const DAY = 86_400_000;
/** A UTC calendar day as YYYY-MM-DD, `days` after `from`. */
const utcDay = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Issues 4 and 5 through the browser: an AI system with its model and a special-category dataset (the attention it
 * inherits), its EU AI Act classification and obligations, a FRIA signed off by a second person, a serious incident
 * with its regulatory clock, AI-literacy training coverage, and an audit chain that still verifies.
 */
describe(
  "inventory and EU AI Act journey: components, classification, FRIA, incident clock, training",
  { skip },
  () => {
    let app: RunningApp;
    let browser: Browser;
    let owner: Page;
    let lead: Page;
    const today = new Date().toISOString().slice(0, 10);

    const openSystem = async (page: Page) => {
      await openNav(page, "AI systems");
      await page.getByRole("table").getByRole("link", { name: SYSTEM }).click();
      await page.getByRole("heading", { level: 1, name: SYSTEM }).waitFor();
    };
    /** The "Add" button beside a picker's select (label → select → its row). */
    const addBeside = (select: Locator) => select.locator("xpath=../..").getByRole("button", { name: "Add" });

    before(async () => {
      app = await startApp({ members: [{ name: "Grace Lead", role: "governance_lead" }] });
      browser = await launchBrowser();
      // The machine is shared: generous waits, but a missing element still fails within a bounded time.
      owner = await personPage(browser);
      lead = await personPage(browser);
      mkdirSync(outDir, { recursive: true });
    });
    after(async () => {
      await browser?.close();
      await app?.stop();
    });

    it("the owner registers an AI system, records a model and a special-category dataset linked to it", async () => {
      await signIn(owner, app, app.owner);
      await openNav(owner, "AI systems");
      await owner
        .getByRole("button", { name: "Register AI system" })
        .or(owner.getByRole("link", { name: "Register AI system" }))
        .first()
        .click();
      await owner.getByLabel("Name", { exact: true }).fill(SYSTEM);
      await owner
        .getByLabel("Purpose")
        .fill("Scores applications for social credit support, reviewed by staff");
      await owner.getByRole("button", { name: "Save" }).click();
      await owner.getByRole("heading", { level: 1, name: SYSTEM }).waitFor();

      await openNav(owner, "Models");
      await owner.getByRole("button", { name: "Record model" }).click();
      await owner.getByRole("heading", { level: 1, name: "Record an AI model" }).waitFor();
      const modelForm = owner.getByRole("form", { name: "Record model" });
      await modelForm.getByLabel("Name", { exact: true }).fill(MODEL);
      await modelForm.getByLabel("Version").fill("3.2");
      const modelSystem = modelForm.getByLabel("AI system", { exact: true });
      await modelSystem.selectOption({ label: SYSTEM });
      await addBeside(modelSystem).click();
      await modelForm.getByRole("list", { name: "Links" }).getByText(SYSTEM).waitFor();
      await modelForm.getByRole("button", { name: "Save" }).click();
      await owner.getByRole("heading", { level: 1, name: MODEL }).waitFor();

      await openNav(owner, "Datasets");
      await owner.getByRole("button", { name: "Record dataset" }).click();
      const dataForm = owner.getByRole("form", { name: "Record dataset" });
      await dataForm.getByLabel("Name", { exact: true }).fill(DATASET);
      await dataForm.getByLabel("Source", { exact: true }).fill("Applications submitted since 2021");
      await dataForm.getByLabel("Holds special categories of personal data").check();
      const dataSystem = dataForm.getByLabel("AI system", { exact: true });
      await dataSystem.selectOption({ label: SYSTEM });
      await addBeside(dataSystem).click();
      const dataModel = dataForm.getByLabel("Model", { exact: true });
      await dataModel.selectOption({ label: `${MODEL} 3.2` });
      await addBeside(dataModel).click();
      const links = dataForm.getByRole("list", { name: "Links" });
      await links.getByText(SYSTEM).waitFor();
      await links.getByText(`${MODEL} 3.2`).waitFor();
      await dataForm.getByRole("button", { name: "Save" }).click();
      await owner.getByRole("heading", { level: 1, name: DATASET }).waitFor();
    });

    it("the system page shows its components and the attention the dataset passes on", async () => {
      await openSystem(owner);
      const components = owner.getByRole("region", { name: "Components" });
      await components.getByRole("link", { name: `${MODEL} 3.2` }).waitFor();
      const datasets = components.getByRole("list", { name: "Datasets" });
      await datasets.getByRole("link", { name: DATASET }).waitFor();
      await datasets.getByText("Special categories").waitFor();
      const attention = components.getByRole("status");
      await attention.getByText("Needs attention").waitFor();
      await attention
        .getByText(`Uses the dataset ${DATASET}, which holds special categories of personal data.`)
        .waitFor();

      // The component graph: the system at the centre, flagged with what it inherits, linked to its components.
      const graph = owner.getByRole("region", { name: "Component graph" });
      await graph.locator('[aria-current="page"]').getByText(SYSTEM).waitFor();
      await graph
        .locator('[aria-current="page"]')
        .getByText(`Needs attention: inherits: special-category data (${DATASET})`)
        .waitFor();
      await graph.getByRole("link", { name: new RegExp(`^${MODEL} 3\\.2`) }).waitFor();
      await graph.getByRole("link", { name: new RegExp(`^${DATASET}`) }).waitFor();
      const edges = await graph
        .getByRole("list", { name: "Links in the graph" })
        .getByRole("listitem")
        .allInnerTexts();
      const linked = (a: string, b: string) => edges.some((e) => e.includes(a) && e.includes(b));
      assert.ok(linked(`${MODEL} 3.2`, SYSTEM), edges.join(" | "));
      assert.ok(linked(DATASET, SYSTEM), edges.join(" | "));
      assert.ok(linked(DATASET, `${MODEL} 3.2`), edges.join(" | "));
      await owner.screenshot({ path: `${outDir}inventory-ai-system.png`, fullPage: true });
    });

    it("the owner classifies it step by step: high-risk Annex III 5(b), FRIA required, dated obligations", async () => {
      await owner.getByRole("tab", { name: "Classification" }).click();
      await owner.getByRole("heading", { name: "Not classified under the EU AI Act yet" }).waitFor();
      await owner.getByRole("button", { name: "Classify", exact: true }).click();
      await owner.getByLabel("deployer", { exact: true }).check();
      await owner.getByLabel("Annex III point").selectOption("5(b)");
      await owner.getByLabel("The system profiles natural persons").check();
      await owner.getByLabel("We are a public body or a private entity providing public services").check();
      await owner.getByRole("button", { name: "Save classification" }).click();
      await owner.getByRole("heading", { name: "EU AI Act classification 1" }).waitFor();

      // What the questionnaire sent, as stored; the rule data's classification of it is what the screen must show.
      const systemId = new URL(owner.url()).pathname.split("/").at(-1)!;
      const res = await owner.request.get(
        `${app.baseUrl}/api/v1/orgs/${app.owner.orgId}/ai-systems/${systemId}/classification`,
      );
      assert.equal(res.status(), 200);
      const stored = ((await res.json()) as { current: { answers: ClassificationAnswers } }).current.answers;
      assert.deepEqual(stored.roles, ["deployer"]);
      assert.equal(stored.annexIII, "5(b)");
      assert.equal(stored.publicBodyOrPublicService, true);
      assert.deepEqual(stored.prohibitedPractices, []);
      const expected = classifyAiSystem(stored, currentEuAiActRules);
      assert.ok(expected.highRisk && expected.friaRequired && expected.obligations.length > 0);

      const card = owner.locator("dl").filter({ hasText: "Prohibited practice (Art. 5)" });
      const row = (label: string) =>
        card.locator("div").filter({ has: owner.getByText(label, { exact: true }) });
      await row("High-risk").getByText("Annex III use case (Art. 6(2))").waitFor();
      await row("High-risk").getByText("Annex III point 5(b)").waitFor();
      assert.equal(
        (await row("Fundamental rights impact assessment (Art. 27)").locator("dd").innerText()).trim(),
        "Yes",
      );

      // The card's obligations table: one row per obligation, each with the date it applies from.
      const table = owner.getByRole("table").filter({ hasText: "Applies from" }).first();
      const rows = table.locator("tbody tr");
      assert.equal(await rows.count(), expected.obligations.length);
      const shown = (await rows.allInnerTexts()).join("\n");
      for (const o of expected.obligations) {
        assert.ok(shown.includes(o.appliesFrom), `${o.appliesFrom} missing`);
        assert.ok(shown.includes(o.title), `${o.title} missing`);
      }

      // The obligations timeline tracks them, grouped by the date each applies from.
      const obligations = owner.locator('section[aria-labelledby="obligations-heading"]');
      const dates = [...new Set(expected.obligations.map((o) => o.appliesFrom))];
      for (const d of dates) await obligations.locator(`h3 time[datetime="${d}"]`).waitFor();
      assert.equal(await obligations.locator("ol > li > ul > li").count(), expected.obligations.length);
      await owner.screenshot({ path: `${outDir}inventory-classification.png`, fullPage: true });
    });

    it("the owner sets an obligation in progress and links evidence to it", async () => {
      await openNav(owner, "Evidence");
      await owner.getByRole("button", { name: "Add evidence" }).first().click();
      const dialog = owner.getByRole("dialog", { name: "Add evidence" });
      await dialog.getByLabel("Link to a page").check();
      await dialog.getByLabel("URL").fill("https://intranet.example.test/credit/oversight");
      await dialog.getByLabel("Title").fill(EVIDENCE);
      await dialog.getByRole("button", { name: "Add evidence" }).click();
      await owner.getByRole("heading", { level: 1, name: EVIDENCE }).waitFor();

      await openSystem(owner);
      await owner.getByRole("tab", { name: "Classification" }).click();
      const first = owner.locator('section[aria-labelledby="obligations-heading"] ol > li > ul > li').first();
      const status = first.getByRole("combobox", { name: /^Status of / });
      await status.selectOption({ label: "In progress" });
      await first.getByRole("button", { name: "Edit owner, due date, notes and evidence" }).waitFor();
      // The select reflects the stored status once the list has been read again.
      await owner.waitForFunction(
        (el) =>
          (el as HTMLSelectElement | null)?.value === "in_progress" && !(el as HTMLSelectElement).disabled,
        await status.elementHandle(),
      );

      await first.getByRole("button", { name: "Edit owner, due date, notes and evidence" }).click();
      await first.getByLabel("Add evidence or a document").selectOption({ label: `Evidence: ${EVIDENCE}` });
      await first.getByRole("list", { name: "Linked" }).getByText(EVIDENCE).waitFor();
      await first.getByRole("button", { name: "Save" }).click();
      await first
        .getByRole("list", { name: "Linked evidence and documents" })
        .getByRole("link", { name: EVIDENCE })
        .waitFor();
      assert.equal(await status.inputValue(), "in_progress");
    });

    it("the owner drafts and submits a FRIA for the system, and cannot sign it off", async () => {
      await openNav(owner, "Impact assessments");
      await owner.getByRole("button", { name: "New assessment" }).click();
      const dialog = owner.getByRole("dialog", { name: "New impact assessment" });
      await dialog.getByLabel("AI system").selectOption({ label: SYSTEM });
      await dialog
        .getByLabel("Variant")
        .selectOption({ label: "Fundamental rights impact assessment (FRIA)" });
      await dialog.getByLabel("Title (optional)").fill(ASSESSMENT);
      await dialog.getByRole("button", { name: "Create draft" }).click();
      await owner.getByRole("heading", { level: 1, name: ASSESSMENT }).waitFor();
      await owner.getByText("Fundamental rights impact assessment", { exact: true }).waitFor();

      const steps = owner.getByRole("navigation", { name: "Assessment steps" });
      const step = async (n: number) => {
        await steps.getByRole("button", { name: new RegExp(`^${n}\\. `) }).click();
        await steps
          .locator('button[aria-current="step"]')
          .filter({ hasText: new RegExp(`^${n}\\. `) })
          .waitFor();
      };
      const fill = (label: string | RegExp, text: string) =>
        owner.getByLabel(label, typeof label === "string" ? { exact: true } : undefined).fill(text);

      await step(1);
      await fill("What the system does", "Scores each application from income and history; staff decide.");
      await fill("Intended use", "Prioritising applications for manual review; never an automatic refusal.");
      await step(2);
      await fill("Individuals", "Applicants for social credit support.");
      await step(3);
      await fill("Expected benefits", "Faster decisions for urgent applications.");
      await step(4);
      await owner.getByRole("button", { name: "Add a harm" }).click();
      const harm = owner.getByRole("group", { name: "Harm 1" });
      await harm.getByLabel("Who is affected").fill("Applicants with irregular income");
      await harm.getByLabel("The harm").fill("Lower scores for self-employed applicants delay support.");
      await harm.getByLabel("Mitigations").fill("Staff review every low score; monthly disparity check.");
      await step(5);
      await fill(/^Our processes/, "Social credit applications, first-line triage.");
      await fill(/^Period and frequency/, "Every working day, for at least three years.");
      await fill(
        /^People and groups likely affected/,
        "Applicants, including people in vulnerable situations.",
      );
      await fill(/^Specific risks of harm/, "Indirect discrimination by income pattern.");
      await fill(/^Human oversight/, "A caseworker confirms or overrides each score.");
      await fill(/^If the risks materialise/, "Suspend scoring and review affected decisions.");
      await fill(/^Internal governance/, "The AI governance lead decides; the board is told.");
      await fill(/^Complaint mechanism/, "Applicants can complain through the ombuds office.");
      await step(6);
      await fill("Residual impact", "Low: every score is reviewed by a person.");
      await step(7);
      await fill("What they said", "Applicant advocates asked for the review step; it was added.");
      await step(8);
      await owner.getByLabel("Outcome").selectOption({ index: 1 });
      await fill("Reasons", "Benefits outweigh the residual impact with human review.");
      await owner.getByRole("button", { name: "Save the draft" }).click();
      // Saved and read back: no step counts missing answers any more.
      await steps
        .getByText(/missing\)/)
        .first()
        .waitFor({ state: "detached" })
        .catch(async (e: unknown) => assert.fail(`${String(e)}\n${await steps.innerText()}`));
      assert.equal(await owner.getByRole("button", { name: "Save the draft" }).isDisabled(), true);

      const signOff = owner.getByRole("region", { name: "Sign-off" });
      await signOff.getByRole("button", { name: "Submit for sign-off" }).click();
      await signOff
        .getByText("Waiting for sign-off by someone who did not write or edit this revision (four-eyes).")
        .waitFor();
      assert.equal(await owner.getByRole("button", { name: "Approve (sign off)" }).count(), 0);
      await owner.screenshot({ path: `${outDir}inventory-fria-in-review.png` });
    });

    it("a governance lead signs the FRIA off in their own session; the version history shows it", async () => {
      const grace = app.members[0]!;
      await signIn(lead, app, grace);
      await openNav(lead, "Impact assessments");
      await lead.getByRole("table").getByRole("link", { name: ASSESSMENT }).click();
      await lead.getByRole("heading", { level: 1, name: ASSESSMENT }).waitFor();
      const signOff = lead.getByRole("region", { name: "Sign-off" });
      await signOff.getByLabel("Comment (optional)").fill("Checked against the DPIA.");
      await signOff.getByRole("button", { name: "Approve (sign off)" }).click();
      await lead.getByText("v2 by Grace Lead").waitFor();

      const versions = lead.getByRole("table", { name: "Versions" });
      const approved = versions.getByRole("row").filter({ hasText: "approved" });
      await approved.waitFor();
      const cells = await approved.getByRole("cell").allInnerTexts();
      assert.equal(cells[0], "v2");
      assert.equal(cells[3], "Grace Lead");
      assert.equal(cells[5], "Checked against the DPIA.");
      assert.ok(
        (await versions.getByRole("row").allInnerTexts()).some((t) => t.startsWith("v1")),
        "the submitted version v1 is kept",
      );
      await lead.screenshot({ path: `${outDir}inventory-fria-approved.png`, fullPage: true });

      // The system's own tab lists it as approved.
      await openSystem(owner);
      await owner.getByRole("tab", { name: "Impact assessments" }).click();
      const row = owner.getByRole("table", { name: "Impact assessments of this system" }).getByRole("row", {
        name: new RegExp(ASSESSMENT),
      });
      await row.getByText("FRIA", { exact: true }).waitFor();
      await row.getByText("Approved").waitFor();
    });

    it("the owner reports a serious incident 13 days after becoming aware; the clock turns red", async () => {
      const aware = utcDay(today, -13);
      const rule = currentEuAiActRules.incidentReporting.find((r) => r.kind === "report_general")!;
      // docs/incidents.md: calendar days, the awareness day is day 0, due at the end of the last day (UTC).
      const dueAt = utcDay(aware, rule.maxDays);
      const daysLeft = Math.round((Date.parse(dueAt) - Date.parse(today)) / DAY);
      assert.ok(deadlineIsUrgent(daysLeft), `${daysLeft} days left should be urgent`);
      const countdown = daysLeft === 0 ? "Due today" : `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;

      await openNav(owner, "Incidents");
      await owner
        .getByRole("link", { name: "Report an incident" })
        .or(owner.getByRole("button", { name: "Report an incident" }))
        .first()
        .click();
      await owner.getByRole("heading", { level: 1, name: "Report an incident" }).waitFor();
      const form = owner.getByRole("form", { name: "Report an incident" });
      await form.getByLabel("What happened (one line)").fill(INCIDENT);
      await form.getByLabel("Details").fill("A wrong score delayed support needed for medical treatment.");
      await form.getByLabel("Became aware on").fill(aware);
      await form.getByLabel("Severity").selectOption("high");
      await form.getByRole("checkbox", { name: "Harm to a person's health" }).check();
      await form.getByLabel(SYSTEM, { exact: true }).check();
      await form
        .getByRole("radiogroup", { name: "Did it lead to serious harm to a person's health?" })
        .getByLabel("Yes")
        .check();
      await form.getByRole("button", { name: "Report incident" }).click();
      await owner.getByRole("heading", { level: 1, name: INCIDENT }).waitFor();

      await owner.getByText(/^Serious incident — Art\. 3\(49\)\(a\)/).waitFor();
      const deadlines = owner.getByRole("table", { name: "Regulatory deadlines" });
      const clock = deadlines.getByRole("row").filter({ hasText: "Art. 73(2)" });
      await clock.getByText(dueAt, { exact: true }).waitFor();
      const badge = clock.getByText(countdown, { exact: true });
      await badge.waitFor();
      assert.match((await badge.getAttribute("class")) ?? "", /\bbg-red-100\b/);
      await owner.screenshot({ path: `${outDir}inventory-incident.png` });

      await openNav(owner, "Dashboard");
      const card = owner.getByRole("region", { name: "Incident reporting clocks" });
      const item = card.getByRole("listitem").filter({ has: owner.getByRole("link", { name: INCIDENT }) });
      await item.locator(`time[datetime="${dueAt}"]`).waitFor();
      const dashBadge = item.getByText(countdown, { exact: true });
      await dashBadge.waitFor();
      assert.match((await dashBadge.getAttribute("class")) ?? "", /\bbg-red-100\b/);
      await card.scrollIntoViewIfNeeded();
      await owner.screenshot({ path: `${outDir}inventory-dashboard.png` });
    });

    it("an AI-literacy topic and a record for the second member show them current in the coverage", async () => {
      await openNav(owner, "Training & AI literacy");
      await owner.getByRole("button", { name: "Add topic" }).click();
      const topic = owner.getByRole("dialog", { name: "Add a training topic" });
      await topic.getByLabel("Name").fill(TOPIC);
      await topic.getByLabel("Kind").selectOption({ value: "ai_literacy" });
      assert.equal(await topic.getByLabel("Counts toward AI literacy (EU AI Act Art. 4)").isChecked(), true);
      await topic.getByRole("button", { name: "Add topic" }).click();
      await topic.waitFor({ state: "hidden" });

      const grace = app.members[0]!;
      await owner.getByRole("button", { name: "Record training" }).click();
      const record = owner.getByRole("dialog", { name: "Record a completed training" });
      await record.getByLabel("Member").selectOption({ label: `Grace Lead (${grace.email})` });
      await record.getByLabel("Topic").selectOption({ label: TOPIC });
      await record.getByLabel("Provider").fill("In-house academy");
      await record.getByRole("button", { name: "Record", exact: true }).click();
      await record.waitFor({ state: "hidden" });

      const matrix = owner.getByRole("table", { name: "Training coverage: members and topics" });
      const graceRow = matrix.getByRole("row").filter({ hasText: grace.email });
      await graceRow.getByText("Current", { exact: true }).first().waitFor();
      // Art. 4 column and the topic's column both current for her; the owner, untrained, is missing.
      assert.equal(await graceRow.getByText("Current", { exact: true }).count(), 2);
      const ownerRow = matrix.getByRole("row").filter({ hasText: app.owner.email });
      assert.equal(await ownerRow.getByText("Missing", { exact: true }).count(), 2);
      await owner.screenshot({ path: `${outDir}inventory-training.png` });
    });

    it("leaves an audit trail whose hash chain verifies", async () => {
      const res = await owner.request.get(
        `${app.baseUrl}/api/v1/orgs/${app.owner.orgId}/audit-events/verify`,
      );
      assert.equal(res.status(), 200);
      const body = (await res.json()) as { ok: boolean; checked: number };
      assert.equal(body.ok, true, JSON.stringify(body));
      assert.ok(body.checked > 0);
    });
  },
);
