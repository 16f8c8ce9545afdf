import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildOrgWithClients,
  type TestClient,
  useTestServer,
} from "../testing";
import { deployerAnswers } from "../testing/eu-ai-act-answers";

const answers = deployerAnswers();

interface Obligation {
  id: string;
  obligationId: string;
  version: number;
  status: string;
  appliesFrom: string;
  overdue: boolean;
  links: { type: string; id: string; label: string }[];
}

for (const backend of testBackends()) {
  describe(`obligation links and the org-wide obligations list on ${backend}`, () => {
    const server = useTestServer(backend);

    async function classified(name = "Credit scoring") {
      const o = await buildOrgWithClients(server);
      const sys = (await o.owner.post(`${o.base}/ai-systems`, { name })).json();
      const url = `${o.base}/ai-systems/${sys.id}`;
      const res = await o.owner.request({ method: "PUT", url: `${url}/classification`, payload: answers });
      assert.equal(res.statusCode, 200, res.body);
      const items = (await o.owner.get(`${url}/obligations`)).json().items as Obligation[];
      return { ...o, sys, url, items, art4: items.find((i) => i.obligationId === "art4.ai-literacy")! };
    }
    const addEvidence = async (c: TestClient, base: string, links: object[] = []) =>
      c.post(`${base}/evidence`, {
        kind: "link",
        url: "https://lms.example/r/1",
        title: "Training records",
        links,
      });

    it("links evidence and documents to an obligation, lists them and audits the change", async () => {
      const { owner, org, base, url, art4 } = await classified();
      const ev = (await addEvidence(owner, base)).json();
      const doc = (
        await owner.post(`${base}/documents`, { title: "AI literacy plan", kind: "plan", body: "x" })
      ).json();
      const res = await owner.patch(`${url}/obligations/${art4.id}`, {
        version: art4.version,
        links: [
          { type: "evidence", id: ev.id },
          { type: "document", id: doc.id },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual((res.json() as Obligation).links.map((l) => `${l.type} ${l.label}`).sort(), [
        "document AI literacy plan",
        "evidence Training records",
      ]);
      const listed = ((await owner.get(`${url}/obligations`)).json().items as Obligation[]).find(
        (i) => i.id === art4.id,
      )!;
      assert.equal(listed.links.length, 2);
      // the evidence now shows the obligation among its links, with a label naming the system
      const evView = (await owner.get(`${base}/evidence/${ev.id}`)).json();
      const toObligation = evView.links.find((l: { type: string }) => l.type === "obligation");
      assert.equal(toObligation?.id, art4.id);
      assert.match(toObligation.label, /Credit scoring/);
      assert.equal(evView.version, ev.version + 1, "the evidence's version moves with its links");

      const events = await auditEventsOf(server, org.orgId);
      const updated = events.filter((e) => e.type === "ai_system.obligation_updated").at(-1)!;
      const payload = updated.payload as { links: { added: { type: string }[]; removed: unknown[] } };
      assert.deepEqual(payload.links.added.map((l) => l.type).sort(), ["document", "evidence"]);
      assert.deepEqual(payload.links.removed, []);
      // each source's own history records the link made from the obligation's side (its version moved)
      const obligationLink = [{ type: "obligation", id: art4.id }];
      const evLinked = events.filter((e) => e.type === "evidence.linked" && e.entityId === ev.id);
      assert.equal(evLinked.length, 1);
      assert.deepEqual(evLinked[0]!.payload, {
        title: "Training records",
        added: obligationLink,
        removed: [],
      });
      assert.equal(evLinked[0]!.requestId, updated.requestId, "written by the same command");
      const docUpdated = () => events.filter((e) => e.type === "document.updated" && e.entityId === doc.id);
      assert.deepEqual(docUpdated().at(-1)!.payload, {
        title: "AI literacy plan",
        diff: {},
        links: { added: obligationLink, removed: [] },
      });

      // unlink the document; the same list again writes nothing
      const second = await owner.patch(`${url}/obligations/${art4.id}`, {
        version: art4.version + 1,
        links: [{ type: "evidence", id: ev.id }],
      });
      assert.equal(second.statusCode, 200, second.body);
      assert.deepEqual(
        (second.json() as Obligation).links.map((l) => l.type),
        ["evidence"],
      );
      const afterUnlink = await auditEventsOf(server, org.orgId);
      const docEvents = afterUnlink.filter((e) => e.type === "document.updated" && e.entityId === doc.id);
      assert.deepEqual((docEvents.at(-1)!.payload as { links: unknown }).links, {
        added: [],
        removed: obligationLink,
      });
      assert.equal(
        afterUnlink.filter((e) => e.type === "evidence.linked" && e.entityId === ev.id).length,
        1,
        "the evidence kept its link: no event for it",
      );
      const count = afterUnlink.length;
      const same = await owner.patch(`${url}/obligations/${art4.id}`, {
        version: art4.version + 2,
        links: [{ type: "evidence", id: ev.id }],
      });
      assert.equal(same.statusCode, 200);
      assert.equal((await auditEventsOf(server, org.orgId)).length, count);
      await assertChainIntact(server, org.orgId);
    });

    it("lets evidence link to an obligation from its own side", async () => {
      const { owner, base, url, art4 } = await classified();
      const res = await addEvidence(owner, base, [{ type: "obligation", id: art4.id }]);
      assert.equal(res.statusCode, 201, res.body);
      const listed = ((await owner.get(`${url}/obligations`)).json().items as Obligation[]).find(
        (i) => i.id === art4.id,
      )!;
      assert.deepEqual(
        listed.links.map((l) => l.id),
        [res.json().id],
      );
    });

    it("refuses unknown, foreign and wrong-kind link targets with 400 naming the entry", async () => {
      const a = await classified();
      const b = await classified("Other org system");
      const foreignEv = (await addEvidence(b.owner, b.base)).json();
      const cases: [object[], string][] = [
        [[{ type: "evidence", id: foreignEv.id }], "links.0"],
        [[{ type: "document", id: "00000000-0000-4000-8000-000000000000" }], "links.0"],
        [[{ type: "ai_system", id: a.sys.id }], "links.0.type"],
      ];
      for (const [links, path] of cases) {
        const res = await a.owner.patch(`${a.url}/obligations/${a.art4.id}`, {
          version: a.art4.version,
          links,
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.details.issues[0].path, path);
      }
      // evidence of org B cannot link to org A's obligation either
      const cross = await addEvidence(b.owner, b.base, [{ type: "obligation", id: a.art4.id }]);
      assert.equal(cross.statusCode, 400, cross.body);
      assert.equal(cross.json().error.details.issues[0].path, "links.0");
    });

    it("lists obligations across systems with filters and counts, scoped to the org", async () => {
      const { owner, base, url, items, member } = await classified();
      const sys2 = (await owner.post(`${base}/ai-systems`, { name: "Chat assistant" })).json();
      await owner.request({
        method: "PUT",
        url: `${base}/ai-systems/${sys2.id}/classification`,
        payload: answers,
      });
      const all = (await owner.get(`${base}/obligations`)).json();
      assert.equal(all.items.length, items.length * 2);
      assert.equal(all.counts.total, items.length * 2);
      assert.equal(all.truncated, false);
      assert.deepEqual(
        all.items.map((i: Obligation) => i.appliesFrom),
        [...all.items.map((i: Obligation) => i.appliesFrom)].sort(),
      );
      assert.ok(
        all.items.every((i: { aiSystemName: string }) =>
          ["Credit scoring", "Chat assistant"].includes(i.aiSystemName),
        ),
      );

      const art4 = items.find((i) => i.obligationId === "art4.ai-literacy")!;
      // Art. 4 applies since 2025-02-02: open and therefore overdue today
      assert.equal(art4.overdue, true);
      assert.ok(all.counts.overdue >= 2, JSON.stringify(all.counts));
      await owner.patch(`${url}/obligations/${art4.id}`, { version: art4.version, status: "met" });

      const one = (await owner.get(`${base}/obligations?systemId=${sys2.id}`)).json();
      assert.equal(one.items.length, items.length);
      const met = (await owner.get(`${base}/obligations?status=met`)).json();
      assert.deepEqual(
        met.items.map((i: Obligation) => i.id),
        [art4.id],
      );
      assert.equal(met.counts.met, 1);
      const early = (await owner.get(`${base}/obligations?appliesBefore=2026-01-01`)).json();
      assert.ok(
        early.items.length > 0 && early.items.every((i: Obligation) => i.appliesFrom < "2026-01-01"),
        JSON.stringify(early.items.map((i: Obligation) => i.appliesFrom)),
      );
      const overdue = (await owner.get(`${base}/obligations?overdue=true`)).json();
      assert.ok(
        overdue.items.every((i: Obligation) => i.overdue),
        "overdue filter",
      );
      assert.equal(overdue.counts.total, overdue.counts.overdue);
      const limited = (await owner.get(`${base}/obligations?limit=1`)).json();
      assert.equal(limited.items.length, 1);
      assert.equal(limited.truncated, true);
      assert.equal((await owner.get(`${base}/obligations?appliesBefore=soon`)).statusCode, 400);

      // archived systems drop out; a viewer reads but cannot edit
      const current = (await owner.get(`${base}/ai-systems/${sys2.id}`)).json();
      const archived = await owner.post(`${base}/ai-systems/${sys2.id}/archive`, {
        version: current.version,
      });
      assert.equal(archived.statusCode, 200, archived.body);
      const viewer = await member("viewer");
      const seen = (await viewer.client.get(`${base}/obligations`)).json();
      assert.ok(
        seen.items.every((i: { aiSystemName: string }) => i.aiSystemName === "Credit scoring"),
        "archived systems are left out",
      );
      assert.equal(seen.items[0].abilities.update, false);

      const other = await buildOrgWithClients(server);
      assert.equal((await other.owner.get(`${other.base}/obligations`)).json().counts.total, 0);
      assert.equal((await other.owner.get(`${base}/obligations`)).statusCode, 404);
    });
  });
}
