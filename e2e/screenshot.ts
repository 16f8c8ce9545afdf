// Regenerates docs/screenshot.png: `npm run build && node --import tsx e2e/screenshot.ts`.
import { fileURLToPath } from "node:url";
import { launchBrowser, startApp } from "./harness";

const systems = [
  {
    name: "Credit risk scoring",
    purpose: "Scores consumer loan applications for manual review",
    lifecycleStage: "deployed",
    aiType: "ml",
    businessUnit: "Retail lending",
    aiRoles: ["provider"],
    tags: ["credit"],
  },
  {
    name: "Customer support assistant",
    purpose: "Drafts answers to customer e-mails for agents to approve",
    lifecycleStage: "monitoring",
    aiType: "generative",
    businessUnit: "Customer service",
    aiRoles: ["customer"],
    tags: ["llm"],
  },
  {
    name: "CV screening pilot",
    purpose: "Ranks applications for open engineering roles",
    lifecycleStage: "validation",
    aiType: "ml",
    businessUnit: "People",
    aiRoles: ["customer"],
    tags: ["hr"],
  },
  {
    name: "Fraud alerts",
    purpose: "Flags card transactions for analyst review",
    lifecycleStage: "deployed",
    aiType: "ml",
    businessUnit: "Payments",
    aiRoles: ["provider", "producer"],
    tags: ["fraud"],
  },
  {
    name: "Invoice field extraction",
    purpose: "Reads supplier invoices into the ERP",
    lifecycleStage: "development",
    aiType: "ml",
    businessUnit: "Finance",
    aiRoles: ["producer"],
    tags: [],
  },
  {
    name: "Procurement agent",
    purpose: "Prepares purchase orders from approved requests",
    lifecycleStage: "design",
    aiType: "agentic",
    businessUnit: "Operations",
    aiRoles: ["provider"],
    tags: ["agent"],
  },
];

const app = await startApp();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 760 } });
  await page.goto(app.baseUrl);
  await page.getByLabel("Email").fill(app.owner.email);
  await page.getByLabel("Password").fill(app.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "AI systems" }).first().waitFor();
  const csrf = (await page.context().cookies()).find((c) => c.name === "openaims_csrf")!.value;
  for (const s of systems) {
    const res = await page.request.post(`${app.baseUrl}/api/v1/orgs/${app.owner.orgId}/ai-systems`, {
      data: s,
      headers: { "x-csrf-token": csrf },
    });
    if (res.status() !== 201) throw new Error(`${res.status()} ${await res.text()}`);
  }
  await page.getByRole("link", { name: "AI systems" }).first().click();
  await page.getByRole("table").getByRole("link", { name: "Procurement agent" }).waitFor();
  await page.screenshot({ path: fileURLToPath(new URL("../docs/screenshot.png", import.meta.url)) });
  console.log("wrote docs/screenshot.png");
} finally {
  await browser.close();
  await app.stop();
}
