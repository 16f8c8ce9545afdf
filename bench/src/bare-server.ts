// The baseline: a bare Fastify route running the same list/detail SQL through `pg`, prepared like the API's,
// with no auth, no validation and no serialization schema. Started as a child process by the bench.
import { createHash } from "node:crypto";
import Fastify from "fastify";
import pg from "pg";

const url = process.env.DATABASE_URL!;
const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

// The API's list query: page + owner names + the filter's total in one round trip, keyset order on (lower(name), id);
// the unfiltered total is the org's row of ai_system_counts, as in the API. Like the API (listAiSystemsJson),
// PostgreSQL writes each item's JSON and the route only joins the texts, so the ratio compares like with like.
const iso = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const arr = (c: string) => `array_to_json(array(select jsonb_array_elements_text(${c})))`;
const LIST = `select (select row_to_json(v) from (select s.id as "id", s.org_id as "orgId", s.name as "name",
  s.purpose as "purpose", s.description as "description", s.owner_id as "ownerId",
  case when s.owner_id is not null then u.name end as "ownerName", s.business_unit as "businessUnit",
  s.lifecycle_stage as "lifecycleStage", s.ai_type as "aiType", ${arr("s.ai_roles")} as "aiRoles",
  s.deployment_context as "deploymentContext", ${arr("s.geographies")} as "geographies",
  ${arr("s.affected_stakeholders")} as "affectedStakeholders", s.human_oversight as "humanOversight",
  ${arr("s.tags")} as "tags", ${iso("s.archived_at")} as "archivedAt", ${iso("s.created_at")} as "createdAt",
  ${iso("s.updated_at")} as "updatedAt", s.version as "version",
  case when s.archived_at is null then $2::json else $3::json end as "abilities") v)::text as item,
  s.id, lower(s.name) as sort_key, (select live from ai_system_counts c where c.org_id = $1) as total
  from ai_systems s left join users u on u.id = s.owner_id
  where s.org_id = $1 and s.archived_at is null order by lower(s.name), s.id limit 51`;
// an owner's abilities, passed in as the API passes them
const LIVE = JSON.stringify({
  read: true,
  create: true,
  update: true,
  archive: true,
  restore: true,
  import: true,
});
const ARCHIVED = JSON.stringify({
  read: true,
  create: true,
  update: false,
  archive: false,
  restore: true,
  import: true,
});
const listBody = (rows: { item: string; total: number | null }[]) =>
  `{"items":[${rows
    .slice(0, 50)
    .map((r) => r.item)
    .join(",")}],"nextCursor":null,"total":${rows[0]?.total ?? 0}}`;
const DETAIL = `select s.*, u.name as owner_name from ai_systems s left join users u on u.id = s.owner_id
  where s.org_id = $1 and s.id = $2`;

app.get<{ Params: { orgId: string } }>("/bare/orgs/:orgId/ai-systems", async (req, reply) => {
  const r = await pool.query({ name: "bare_list", text: LIST, values: [req.params.orgId, LIVE, ARCHIVED] });
  return reply.type("application/json").send(listBody(r.rows));
});
app.get<{ Params: { orgId: string; id: string } }>("/bare/orgs/:orgId/ai-systems/:id", async (req, reply) => {
  const r = await pool.query({
    name: "bare_detail",
    text: DETAIL,
    values: [req.params.orgId, req.params.id],
  });
  if (!r.rows[0]) return reply.status(404).send({ error: { code: "not_found" } });
  return r.rows[0];
});
// What the API's auth round trip costs the detail route (BENCH_AUTH_VARIANTS=1): the API's token + membership
// lookup written by hand, run before the detail query (two round trips, as the API does), or joined with it
// into one statement (the merge the API could make). Token power is checked by the statement on every request.
const AUTH = `select t.id as token_id, t.org_id as token_org_id, t.role as token_role, t.custom_role_id,
  t.last_used_at, tr.permissions as token_perms, u.id as user_id, u.email, u.name, m.id as membership_id,
  m.role as member_role, m.custom_role_id as member_custom_role_id, mr.permissions as member_perms
  from api_tokens t join users u on u.id = t.user_id
  left join memberships m on m.user_id = u.id and m.org_id = $2 and m.status = 'active'
  left join custom_roles mr on mr.id = m.custom_role_id and mr.deleted_at is null
  left join custom_roles tr on tr.id = t.custom_role_id and tr.deleted_at is null
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $3)
  and u.disabled_at is null`;
const AUTH_AND_DETAIL = `with a as (${AUTH}) select a.*, s.*, o.name as owner_name from a
  left join ai_systems s on s.org_id = $2 and s.id = $4 left join users o on o.id = s.owner_id`;
const tokenHash = (h: string | undefined) =>
  createHash("sha256")
    .update(/^Bearer\s+(\S+)$/i.exec(h ?? "")?.[1] ?? "")
    .digest("hex");
app.get<{ Params: { orgId: string; id: string } }>(
  "/bare/auth2/:orgId/ai-systems/:id",
  async (req, reply) => {
    const { orgId, id } = req.params;
    const a = await pool.query({
      name: "bare_auth",
      text: AUTH,
      values: [tokenHash(req.headers.authorization), orgId, new Date().toISOString()],
    });
    if (!a.rows[0]?.membership_id) return reply.status(404).send({ error: { code: "not_found" } });
    const r = await pool.query({ name: "bare_detail", text: DETAIL, values: [orgId, id] });
    if (!r.rows[0]) return reply.status(404).send({ error: { code: "not_found" } });
    return r.rows[0];
  },
);
app.get<{ Params: { orgId: string; id: string } }>(
  "/bare/auth1/:orgId/ai-systems/:id",
  async (req, reply) => {
    const { orgId, id } = req.params;
    const r = await pool.query({
      name: "bare_auth_detail",
      text: AUTH_AND_DETAIL,
      values: [tokenHash(req.headers.authorization), orgId, new Date().toISOString(), id],
    });
    if (!r.rows[0]?.membership_id || !r.rows[0]?.org_id)
      return reply.status(404).send({ error: { code: "not_found" } });
    return r.rows[0];
  },
);

// Floors for the list's latency on this machine: the cheapest database round trip, and the list's own page bytes
// (fetched once, sent as a pre-serialized string) with no database at all.
app.get("/bare/select1", async () => {
  const r = await pool.query("select 1 as one");
  return { one: r.rows[0].one };
});
const pageCache = new Map<string, string>();
app.get<{ Params: { orgId: string } }>("/bare/orgs/:orgId/static-page", async (req, reply) => {
  let body = pageCache.get(req.params.orgId);
  if (!body) {
    const r = await pool.query(LIST, [req.params.orgId, LIVE, ARCHIVED]);
    body = listBody(r.rows);
    pageCache.set(req.params.orgId, body);
  }
  return reply.type("application/json").send(body);
});
app.get("/api/health", async () => ({ status: "ok" }));
await app.listen({ port, host: "127.0.0.1" });
process.on("SIGTERM", async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
