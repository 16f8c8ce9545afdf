import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../shared/domain-error";
import {
  canTransition,
  nextVersionStatus,
  versionActions,
  versionStatuses,
  type VersionStatus,
} from "./workflow";

/** Every status × action, written out by hand: "-" means the action is refused with invalid_state (409). */
const table: Record<VersionStatus, Record<(typeof versionActions)[number], VersionStatus | "-">> = {
  draft: {
    edit: "draft",
    submit: "in_review",
    approve: "-",
    reject: "-",
    publish: "-",
    supersede: "-",
    retire: "retired",
  },
  in_review: {
    edit: "-",
    submit: "-",
    approve: "approved",
    reject: "draft",
    publish: "-",
    supersede: "-",
    retire: "retired",
  },
  approved: {
    edit: "-",
    submit: "-",
    approve: "-",
    reject: "draft",
    publish: "published",
    supersede: "-",
    retire: "retired",
  },
  published: {
    edit: "-",
    submit: "-",
    approve: "-",
    reject: "-",
    publish: "-",
    supersede: "superseded",
    retire: "retired",
  },
  superseded: {
    edit: "-",
    submit: "-",
    approve: "-",
    reject: "-",
    publish: "-",
    supersede: "-",
    retire: "-",
  },
  retired: { edit: "-", submit: "-", approve: "-", reject: "-", publish: "-", supersede: "-", retire: "-" },
};

describe("document version workflow", () => {
  for (const status of versionStatuses)
    for (const action of versionActions) {
      const expected = table[status][action];
      it(`${status} × ${action} → ${expected === "-" ? "invalid_state" : expected}`, () => {
        if (expected === "-") {
          assert.equal(canTransition(status, action), false);
          assert.throws(
            () => nextVersionStatus(status, action),
            (e: unknown) =>
              e instanceof DomainError &&
              e.code === "invalid_state" &&
              (e.details as { status: string }).status === status,
          );
        } else {
          assert.equal(canTransition(status, action), true);
          assert.equal(nextVersionStatus(status, action), expected);
        }
      });
    }

  it("never leaves a final status", () => {
    for (const action of versionActions) {
      assert.equal(canTransition("superseded", action), false);
      assert.equal(canTransition("retired", action), false);
    }
  });

  it("says in plain words why an action is refused", () => {
    assert.throws(() => nextVersionStatus("published", "edit"), /published cannot be edited/);
  });
});
