import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const mainTs = fileURLToPath(new URL("./main.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "openaims-bootstrap-"));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function start(name: string) {
  const dataDir = join(root, name, "data");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", mainTs], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      OPENAIMS_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d) => (out.stdout += d));
  child.stderr!.on("data", (d) => (out.stderr += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  for (let i = 0; i < 300 && !out.stdout.includes("No owner exists yet"); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, out, exited, port, file: join(root, name, "bootstrap.json") };
}

describe("npm start: the local bootstrap channel (embedded database)", () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const c of children) c.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("writes a private bootstrap.json that lets the local CLI create the first owner, then removes it", async () => {
    const server = await start("a");
    children.push(server.child);
    assert.match(server.out.stdout, /No owner exists yet/);
    assert.match(server.out.stdout, /aims admin bootstrap/);
    assert.match(server.out.stdout, /another terminal/);
    assert.ok(existsSync(server.file), server.out.stdout + server.out.stderr);
    if (process.platform !== "win32") assert.equal(statSync(server.file).mode & 0o777, 0o600);
    const { url, token } = JSON.parse(readFileSync(server.file, "utf8"));
    assert.equal(url, `http://127.0.0.1:${server.port}`);
    assert.ok(token.length >= 40);

    const secret = "oai_thisIsAnInvitationSecretThatMustNotBeLogged";
    assert.equal((await fetch(`${url}/api/v1/invitations/${secret}`)).status, 404);

    const wrong = await fetch(`${url}/api/v1/admin/bootstrap`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bootstrap-token": "nope" },
      body: JSON.stringify({ email: "o@example.test", password: "a long enough password", org: "Org" }),
    });
    assert.equal(wrong.status, 404);
    const res = await fetch(`${url}/api/v1/admin/bootstrap`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bootstrap-token": token },
      body: JSON.stringify({ email: "o@example.test", password: "a long enough password", org: "Org" }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal((await res.json()).email, "o@example.test");
    assert.equal(existsSync(server.file), false, "the file is removed once used");
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "o@example.test", password: "a long enough password" }),
    });
    assert.equal(login.status, 200);

    server.child.kill("SIGTERM");
    assert.equal(await server.exited, 0);
    const logs = server.out.stdout + server.out.stderr;
    assert.ok(!logs.includes(token), "the bootstrap token is never logged");
    assert.ok(!logs.includes(secret), "invitation secrets in URLs are redacted in logs");
    assert.match(logs, /\/api\/v1\/invitations\/\[redacted\]/);
  });

  it("removes bootstrap.json when the server stops before anyone used it", async () => {
    const server = await start("b");
    children.push(server.child);
    assert.ok(existsSync(server.file));
    server.child.kill("SIGTERM");
    assert.equal(await server.exited, 0);
    assert.equal(existsSync(server.file), false);
  });
});
