import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  acceptInvitation,
  actorInOrg,
  bootstrapInstance,
  createAppContext,
  createInvitation,
} from "@openaims/app";
import type { BuiltinRole } from "@openaims/core";
import { migrateDatabase, openDatabase } from "@openaims/db";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser journeys cannot run here, or null. CI sets OPENAIMS_REQUIRE_BROWSER so a missing browser fails. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.OPENAIMS_REQUIRE_BROWSER)
    throw new Error(`${CHROMIUM} is missing but OPENAIMS_REQUIRE_BROWSER is set`);
  return `no Chromium at ${CHROMIUM} (apt-get install -y chromium); browser journeys skipped`;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

export interface Person {
  email: string;
  password: string;
  name: string;
}

export interface RunningApp {
  baseUrl: string;
  owner: { email: string; password: string; orgId: string };
  /** further members, invited by the owner and accepted, in the order asked for */
  members: Person[];
  stop(): Promise<void>;
}

/** The built app as a user runs it: a fresh embedded data dir, a bootstrapped owner, `main.ts` in a child process. */
export async function startApp(
  options: { members?: { name: string; role: BuiltinRole }[] } = {},
): Promise<RunningApp> {
  const root = mkdtempSync(join(tmpdir(), "openaims-e2e-"));
  const dataDir = join(root, "data");
  const owner = { email: "owner@example.test", password: "correct horse battery staple", orgId: "" };
  const members: Person[] = [];
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await migrateDatabase(database);
    const ctx = createAppContext(database);
    const result = await bootstrapInstance(ctx, { ...owner, org: "Acme AI" });
    owner.orgId = result.orgId;
    // Further members join the way people do: the owner invites, the invitee accepts with a password.
    const ownerActor = await actorInOrg(
      ctx,
      {
        userId: result.userId,
        email: owner.email,
        name: "Owner",
        isInstanceAdmin: true,
        via: "session",
        sessionId: null,
        csrfToken: null,
        token: null,
      },
      result.orgId,
    );
    for (const [i, m] of (options.members ?? []).entries()) {
      const person = {
        email: `member${i + 1}@example.test`,
        password: `member ${i + 1} password ok`,
        name: m.name,
      };
      const meta = { requestId: `e2e-invite-${i}` };
      const invite = await createInvitation(
        ctx,
        ownerActor,
        { email: person.email, role: m.role, expiresInDays: 7 },
        meta,
      );
      await acceptInvitation(
        ctx,
        null,
        { token: invite.token, name: person.name, password: person.password },
        meta,
      );
      members.push(person);
    }
  } finally {
    await database.close();
  }
  const port = await freePort();
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("../packages/server/src/main.ts", import.meta.url))],
    {
      env: {
        ...process.env,
        OPENAIMS_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 300) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    owner,
    members,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A browser context of one person's own (own session cookie), with a bounded wait for anything a step looks for. */
export async function personPage(browser: Browser, timeoutMs = 20_000): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  context.setDefaultTimeout(timeoutMs);
  return context.newPage();
}

/** Signs in through the form and waits for the navigation (`landmark` names a link it shows). */
export async function signIn(
  page: Page,
  app: RunningApp,
  person: { email: string; password: string },
  landmark = "AI systems",
) {
  await page.goto(app.baseUrl);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: landmark }).first().waitFor();
}

/** Follows a navigation link and waits for the page's heading (the link's name unless told). */
export async function openNav(page: Page, name: string, heading = name) {
  await page.getByRole("link", { name, exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}
