import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { buildUserWithPassword, createTestServer, TEST_PASSWORD, type TestServer } from "../testing";

let ipCounter = 0;
/** Each test signs in from its own address, so the per-address key of one test never locks another. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

for (const backend of testBackends()) {
  describe(`sign-in back-off on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({
        backend,
        settings: { loginFreeAttempts: 2, loginMaxLockSeconds: 4 },
        config: { cookieSecure: true },
      });
    });
    afterEach(() => {
      server.ctx.now = () => new Date();
    });
    after(async () => server?.close());

    const login = (email: string, password: string, ip: string) =>
      server.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password },
        remoteAddress: ip,
      });
    let t = 0;
    const at = (seconds: number) => {
      server.ctx.now = () => new Date(t + seconds * 1000);
    };

    it("locks after the free attempts with a 429, retryAfterSeconds and Retry-After, even for the right password", async () => {
      t = Date.now();
      at(0);
      const user = await buildUserWithPassword(server);
      const ip = freshIp();
      assert.equal((await login(user.email, "wrong password 1", ip)).statusCode, 401);
      assert.equal((await login(user.email, "wrong password 2", ip)).statusCode, 401);
      const locked = await login(user.email, TEST_PASSWORD, ip);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, "rate_limited");
      assert.equal(locked.json().error.details.retryAfterSeconds, 1);
      assert.equal(locked.headers["retry-after"], "1");
      assert.equal(locked.cookies.length, 0);
      at(1.001);
      assert.equal((await login(user.email, TEST_PASSWORD, ip)).statusCode, 200);
    });

    it("doubles the lock with each further failure, up to the maximum", async () => {
      t = Date.now();
      const user = await buildUserWithPassword(server);
      const ip = freshIp();
      let now = 0;
      at(now);
      assert.equal((await login(user.email, "still wrong", ip)).statusCode, 401);
      const waits: number[] = [];
      for (let failure = 2; failure <= 6; failure++) {
        at(now);
        assert.equal((await login(user.email, "still wrong", ip)).statusCode, 401, `failure ${failure}`);
        const probe = await login(user.email, TEST_PASSWORD, ip);
        assert.equal(probe.statusCode, 429, `locked after failure ${failure}`);
        const wait = probe.json().error.details.retryAfterSeconds as number;
        waits.push(wait);
        now += wait + 0.001;
      }
      // failures 2,3,4,5,6 → 1, 2, 4, 4 (capped), 4 seconds
      assert.deepEqual(waits, [1, 2, 4, 4, 4]);
    });

    it("resets the e-mail's count after a successful sign-in", async () => {
      t = Date.now();
      at(0);
      const user = await buildUserWithPassword(server);
      const ip = freshIp();
      assert.equal((await login(user.email, "wrong", ip)).statusCode, 401);
      assert.equal((await login(user.email, TEST_PASSWORD, ip)).statusCode, 200);
      const [row] = await server.database.db
        .select()
        .from(tables.loginThrottle)
        .where(eq(tables.loginThrottle.key, `email:${user.email}`));
      assert.equal(row, undefined);
      // one more failure is again below the free attempts, on a new address
      const ip2 = freshIp();
      assert.equal((await login(user.email, "wrong", ip2)).statusCode, 401);
      assert.equal((await login(user.email, TEST_PASSWORD, ip2)).statusCode, 200);
    });

    it("locks an address that tries many accounts, also for an account it never tried", async () => {
      t = Date.now();
      at(0);
      const ip = freshIp();
      const victim = await buildUserWithPassword(server);
      assert.equal((await login("a@example.test", "guess", ip)).statusCode, 401);
      assert.equal((await login("b@example.test", "guess", ip)).statusCode, 401);
      const res = await login(victim.email, TEST_PASSWORD, ip);
      assert.equal(res.statusCode, 429);
      // The same account from another address is fine.
      assert.equal((await login(victim.email, TEST_PASSWORD, freshIp())).statusCode, 200);
    });

    it("locks unknown e-mails exactly like existing ones, so the lock reveals no account", async () => {
      t = Date.now();
      at(0);
      const known = await buildUserWithPassword(server);
      const answers: [number, unknown][] = [];
      for (const email of [known.email, "nobody-at-all@example.test"]) {
        const ip = freshIp();
        await login(email, "wrong", ip);
        await login(email, "wrong", ip);
        const res = await login(email, "wrong", ip);
        answers.push([res.statusCode, res.json()]);
      }
      assert.deepEqual(answers[0], answers[1]);
      assert.equal(answers[0]![0], 429);
    });

    it("shares the lock through the database: a second node sees it", async () => {
      t = Date.now();
      at(0);
      const user = await buildUserWithPassword(server);
      const ip = freshIp();
      await login(user.email, "wrong", ip);
      await login(user.email, "wrong", ip);
      const [row] = await server.database.db
        .select()
        .from(tables.loginThrottle)
        .where(eq(tables.loginThrottle.key, `email:${user.email}`));
      assert.equal(row!.failures, 2);
      assert.ok(row!.lockedUntil!.getTime() > t);
    });

    it("marks both cookies Secure when the server is configured for HTTPS", async () => {
      const user = await buildUserWithPassword(server);
      const res = await login(user.email, TEST_PASSWORD, freshIp());
      assert.equal(res.statusCode, 200);
      for (const c of res.cookies) assert.equal(c.secure, true, c.name);
    });
  });
}
