import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { TestBackend } from "@openaims/db/testing";
import { inTransaction, tables } from "@openaims/db";
import { createTestServer, type TestClient, type TestServer } from "../testing";

/** A test server whose evidence goes to a private temp directory (fs) or the database (db). */
export async function evidenceServer(
  backend: TestBackend,
  store: "fs" | "db",
  maxBytes = 25 * 1024 * 1024,
): Promise<{ server: TestServer; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "aims-evidence-"));
  const server = await createTestServer({ backend, config: { evidence: { store, dir, maxBytes } } });
  return {
    server,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs raw bytes to the upload endpoint with the metadata as query parameters. */
export function upload(
  client: TestClient,
  orgId: string,
  body: Buffer | string,
  query: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  const q = qs.toString();
  return client.request({
    method: "POST",
    url: `/api/v1/orgs/${orgId}/evidence/upload${q ? `?${q}` : ""}`,
    headers: { "content-type": "application/octet-stream", ...headers },
    payload: body,
  });
}

/** An approved SoA version (number `n`) that froze a reference to this evidence item. */
export async function approvedSoaReferencing(
  server: TestServer,
  orgId: string,
  evidenceId: string,
  n: number,
) {
  await inTransaction(server.database, async (tx) => {
    const id = randomUUID();
    await tx
      .insert(tables.soaVersions)
      .values({ id, orgId, number: n, status: "approved", snapshot: {}, decidedAt: new Date() });
    await tx
      .insert(tables.soaVersionRefs)
      .values({ orgId, soaVersionId: id, refType: "evidence", refId: evidenceId });
  });
}

export const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
