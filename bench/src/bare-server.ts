// The baseline: a bare Fastify route running the same list/detail SQL through `pg`, prepared like the API's,
// with no auth, no validation and no serialization schema. Started as a child process by the bench.
import Fastify from "fastify";
import pg from "pg";

const url = process.env.DATABASE_URL!;
const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

// The API's list query: page + owner names + the filter's total in one round trip, keyset order on (lower(name), id);
// the unfiltered total is the org's row of ai_system_counts, as in the API.
const LIST = `select s.*, u.name as owner_name, u.email as owner_email, lower(s.name) as sort_key,
  (select live from ai_system_counts c where c.org_id = $1) as total
  from ai_systems s left join users u on u.id = s.owner_id
  where s.org_id = $1 and s.archived_at is null order by lower(s.name), s.id limit 51`;
const DETAIL = `select s.*, u.name as owner_name from ai_systems s left join users u on u.id = s.owner_id
  where s.org_id = $1 and s.id = $2`;

app.get<{ Params: { orgId: string } }>("/bare/orgs/:orgId/ai-systems", async (req) => {
  const r = await pool.query({ name: "bare_list", text: LIST, values: [req.params.orgId] });
  return { items: r.rows.slice(0, 50), nextCursor: null, total: r.rows[0]?.total ?? 0 };
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
    const r = await pool.query(LIST, [req.params.orgId]);
    body = JSON.stringify({ items: r.rows.slice(0, 50), nextCursor: null, total: r.rows[0]?.total ?? 0 });
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
