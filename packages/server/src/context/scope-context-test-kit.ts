import assert from "node:assert/strict";
import type { BuiltinRole } from "@openaims/core";
import { buildOrgWithClients, type TestClient, type TestServer } from "../testing";

/** An org with an owner client and a way to get a client for a new member of any role. */
export async function scopeOrg(server: TestServer) {
  const { org, owner, base, member } = await buildOrgWithClients(server);
  const as = async (role: BuiltinRole) => {
    const { client, ...built } = await member(role);
    return { member: built, client };
  };
  return { org, owner, base, as };
}

export const put = (c: TestClient, url: string, payload: unknown) =>
  c.request({ method: "PUT", url, payload: payload as string });

export async function ok<T = any>(
  res: Promise<{ statusCode: number; body: string; json(): any }>,
  status = 200,
): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as T;
}

export async function fails(
  res: Promise<{ statusCode: number; body: string; json(): any }>,
  status: number,
  code?: string,
): Promise<any> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  const body = r.json();
  if (code) assert.equal(body.error.code, code, r.body);
  return body.error;
}
