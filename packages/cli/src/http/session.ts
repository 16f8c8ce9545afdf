import { CliError, ExitCode } from "../exit-codes";
import type { Io } from "../io";
import { resolveConnection, type Connection } from "../config/profiles";
import { ApiClient } from "./api-client";

export interface MeResponse {
  user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  memberships: { id: string; orgId: string; orgName: string; role: string; roleLabel: string }[];
}

/** An API client bound to one organization: the profile's, OPENAIMS_ORG, or the token's one membership. */
export interface Session {
  connection: Connection;
  client: ApiClient;
  orgId(): Promise<string>;
  /** `/api/v1/orgs/{orgId}` + path */
  orgPath(path: string): Promise<string>;
}

export function timeoutFromEnv(io: Io): number | undefined {
  const ms = Number(io.env.OPENAIMS_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export async function openSession(io: Io, profileOption: string | undefined): Promise<Session> {
  const connection = await resolveConnection(io, profileOption);
  const client = new ApiClient(connection.url, connection.token, timeoutFromEnv(io));
  let orgId: Promise<string> | null = connection.orgId ? Promise.resolve(connection.orgId) : null;
  const resolveOrg = () => {
    orgId ??= client.json<MeResponse>("GET", "/api/v1/me").then((me) => orgOfToken(me));
    return orgId;
  };
  return {
    connection,
    client,
    orgId: resolveOrg,
    orgPath: async (path) => `/api/v1/orgs/${encodeURIComponent(await resolveOrg())}${path}`,
  };
}

/** A token belongs to exactly one org; with several memberships the caller must say which (OPENAIMS_ORG). */
export function orgOfToken(me: MeResponse): string {
  const [first, ...rest] = me.memberships;
  if (!first) throw new CliError(ExitCode.auth, "This token is not a member of any organization.");
  if (rest.length > 0) {
    throw new CliError(
      ExitCode.usage,
      `This identity belongs to ${me.memberships.length} organizations; set OPENAIMS_ORG to one of: ${me.memberships
        .map((m) => `${m.orgId} (${m.orgName})`)
        .join(", ")}.`,
    );
  }
  return first.orgId;
}
