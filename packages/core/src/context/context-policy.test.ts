import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "../access/actor";
import { builtinRoles, type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { allows } from "../access/policy";
import { contextPolicy, raciPolicy, scopeAbilities, scopePolicy, type ScopeSubject } from "./context-policy";
import type { ScopeStatus } from "./vocabulary";

const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

const actorOf = (role: BuiltinRole): Actor => builtinActor(role, { userId: SELF });

/** Written out by hand, not derived from roles.ts: a change to a role shows up here as a failing row. */
const mayWrite: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
const mayApprove: BuiltinRole[] = ["owner", "admin", "governance_lead"];

const subject = (status: ScopeStatus, authorId: string | null = OTHER): ScopeSubject => ({
  status,
  authorId,
  lastEditedBy: authorId,
  editorIds: authorId ? [authorId] : [],
  submittedBy: status === "draft" ? null : authorId,
});

describe("scope and context policies (role × action)", () => {
  for (const role of builtinRoles) {
    it(`${role}: reads everything, writes ${mayWrite.includes(role) ? "" : "nothing"}`, () => {
      const a = actorOf(role);
      assert.equal(allows(a, contextPolicy, "read", {}), true);
      assert.equal(allows(a, raciPolicy, "read", {}), true);
      assert.equal(allows(a, raciPolicy, "export", {}), true);
      assert.equal(allows(a, contextPolicy, "write", {}), mayWrite.includes(role));
      assert.equal(allows(a, raciPolicy, "write", {}), mayWrite.includes(role));
      assert.equal(allows(a, scopePolicy, "edit", subject("draft")), mayWrite.includes(role));
      assert.equal(allows(a, scopePolicy, "approve", subject("in_review")), mayApprove.includes(role));
    });
  }
});

describe("scope abilities (role × status × authorship)", () => {
  const statuses: ScopeStatus[] = ["draft", "in_review", "approved", "superseded"];
  for (const role of builtinRoles) {
    for (const status of statuses) {
      it(`${role} on a ${status} version written by someone else`, () => {
        const ab = scopeAbilities(actorOf(role), subject(status));
        assert.equal(ab.read, true);
        assert.equal(ab.edit, status === "draft" && mayWrite.includes(role));
        assert.equal(ab.submit, status === "draft" && mayWrite.includes(role));
        assert.equal(ab.approve, status === "in_review" && mayApprove.includes(role));
        assert.equal(ab.reject, status === "in_review" && mayApprove.includes(role));
      });
    }
  }
  it("never offers approval to whoever wrote, edited or submitted the version", () => {
    const owner = actorOf("owner");
    assert.equal(scopeAbilities(owner, subject("in_review", SELF)).approve, false);
    assert.equal(
      scopeAbilities(owner, {
        status: "in_review",
        authorId: OTHER,
        lastEditedBy: OTHER,
        editorIds: [SELF, OTHER],
        submittedBy: OTHER,
      }).approve,
      false,
    );
    assert.equal(
      scopeAbilities(owner, {
        status: "in_review",
        authorId: OTHER,
        lastEditedBy: OTHER,
        editorIds: [],
        submittedBy: SELF,
      }).approve,
      false,
    );
    // sending it back is not an approval: the author may still reject (withdraw) their own submission
    assert.equal(scopeAbilities(owner, subject("in_review", SELF)).reject, true);
  });
  it("the auditor reads but can neither edit nor approve", () => {
    const ab = scopeAbilities(actorOf("auditor"), subject("in_review"));
    assert.deepEqual(ab, {
      read: true,
      newDraft: false,
      edit: false,
      submit: false,
      approve: false,
      reject: false,
    });
  });
});
