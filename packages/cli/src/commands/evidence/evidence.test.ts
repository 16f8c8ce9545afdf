import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, useCliTestServer, useTempDir, runCliJson } from "../../testing/cli-harness";

const LIMIT = 256 * 1024;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

for (const backend of testBackends()) {
  describe(`aims evidence on ${backend}`, () => {
    const dir = useTempDir("evidence");
    const store = useTempDir("evidence-store");
    const t = useCliTestServer(backend, () => ({
      config: { evidence: { store: "fs", dir: store.path, maxBytes: LIMIT } },
    }));

    it("adds a file with links for a pipeline, lists, shows and downloads it with the same SHA-256", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Credit scoring" });
      const bytes = Buffer.concat([
        Buffer.from("%PDF-1.7\n"),
        Buffer.alloc(100_000, 0x20),
        Buffer.from("\n%%EOF\n"),
      ]);
      await writeFile(join(dir.path, "eval-report.pdf"), bytes);
      const item = await runCliJson(
        [
          "evidence",
          "add",
          "--file",
          "eval-report.pdf",
          "--link",
          "A.6.2.4",
          "--system",
          system.id,
          "--valid-until",
          "2099-06-30",
          "--json",
        ],
        { env, cwd: dir.path },
      );
      assert.equal(item.title, "eval-report.pdf");
      assert.equal(item.source, "cli");
      assert.equal(item.file.sha256, sha(bytes));
      assert.equal(item.file.mediaType, "application/pdf");
      assert.deepEqual(
        item.links.map((l: { type: string; label: string }) => l.label),
        ["Credit scoring", "A.6.2.4 AI system verification and validation"],
      );

      const list = await runCli(["evidence", "list", "--node", "A.6.2.4"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /^ID +TITLE +KIND +FRESHNESS +VALID UNTIL +LINKS +ADDED$/m);
      assert.match(list.stdout, /eval-report\.pdf +file +current +2099-06-30/);
      assert.match(list.stderr, /1 of 1 evidence items/);

      const show = await runCli(["evidence", "show", item.id], { env });
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, new RegExp(`^SHA-256: +${item.file.sha256}$`, "m"));
      assert.match(show.stdout, /^Source: +cli$/m);

      const dl = await runCli(["evidence", "download", item.id, "--out", "copy.pdf"], { env, cwd: dir.path });
      assert.equal(dl.code, 0, dl.stderr);
      assert.match(dl.stderr, /verified/);
      assert.equal(sha(await readFile(join(dir.path, "copy.pdf"))), item.file.sha256);
      const again = await runCli(["evidence", "download", item.id, "--out", "copy.pdf"], {
        env,
        cwd: dir.path,
      });
      assert.equal(again.code, 2, "refuses to overwrite without --force");
      assert.equal(
        (
          await runCli(["evidence", "download", item.id, "--out", "copy.pdf", "--force"], {
            env,
            cwd: dir.path,
          })
        ).code,
        0,
      );
    });

    it("adds a link, filters by freshness, archives and deletes", async () => {
      const { env } = await orgWithToken(t);
      const item = await runCliJson(
        [
          "evidence",
          "add",
          "--url",
          "https://ci.example/runs/812",
          "--title",
          "Bias test run 812",
          "--link",
          "A.7.4",
          "--valid-until",
          "2020-01-01",
          "--json",
        ],
        { env },
      );
      assert.equal(item.kind, "link");
      assert.equal(item.freshness, "stale");
      const stale = await runCli(["evidence", "list", "--freshness", "stale", "--json"], { env });
      assert.deepEqual(
        JSON.parse(stale.stdout).items.map((i: { id: string }) => i.id),
        [item.id],
      );
      assert.match((await runCli(["evidence", "list"], { env })).stdout, /STALE/);
      const dl = await runCli(["evidence", "download", item.id], { env, cwd: dir.path });
      assert.equal(dl.code, 5, "a link has no file");
      assert.equal((await runCli(["evidence", "archive", item.id], { env })).code, 0);
      assert.match((await runCli(["evidence", "list"], { env })).stdout, /No evidence matches/);
      const del = await runCli(["evidence", "delete", item.id], { env });
      assert.equal(del.code, 0, del.stderr);
      assert.equal((await runCli(["evidence", "show", item.id], { env })).code, 4);
    });

    it("reports a file over the server's limit, bad flags and unknown links with usage exit codes", async () => {
      const { env } = await orgWithToken(t);
      await writeFile(join(dir.path, "big.bin"), Buffer.alloc(LIMIT + 1, 0x61));
      const big = await runCli(["evidence", "add", "--file", "big.bin"], { env, cwd: dir.path });
      assert.equal(big.code, 2, big.stderr);
      assert.match(big.stderr, /larger than the limit of 256 KiB/);
      const listed = JSON.parse((await runCli(["evidence", "list", "--json"], { env })).stdout);
      assert.equal(listed.total, 0, "nothing stored");

      const both = await runCli(["evidence", "add", "--file", "big.bin", "--url", "https://x.example"], {
        env,
        cwd: dir.path,
      });
      assert.equal(both.code, 2);
      assert.match(both.stderr, /exactly one of --file or --url/);
      await writeFile(join(dir.path, "notes.txt"), "hello");
      const badDate = await runCli(
        ["evidence", "add", "--file", "notes.txt", "--valid-until", "2026-02-30"],
        { env, cwd: dir.path },
      );
      assert.equal(badDate.code, 2);
      assert.match(badDate.stderr, /--valid-until: must be a date that exists/);
      const badNode = await runCli(["evidence", "add", "--file", "notes.txt", "--link", "A.99"], {
        env,
        cwd: dir.path,
      });
      assert.equal(badNode.code, 2);
      assert.match(badNode.stderr, /no framework node iso-iec-42001-2023:A\.99/);
      const missing = await runCli(["evidence", "add", "--file", "nope.pdf"], { env, cwd: dir.path });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /Cannot read nope\.pdf: ENOENT/);
    });
  });
}
