import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFourEyes } from "./four-eyes";
import { DomainError } from "./domain-error";

describe("four-eyes", () => {
  it("refuses the author approving their own version", () => {
    assert.throws(
      () => assertFourEyes("u1", "u1", "document version"),
      (e: unknown) =>
        e instanceof DomainError &&
        e.code === "forbidden" &&
        (e.details as { rule: string }).rule === "four_eyes" &&
        /someone else/.test(e.message),
    );
  });
  it("lets another person approve", () => {
    assertFourEyes("u1", "u2", "document version");
  });
  it("lets anyone approve a version without a recorded author (e.g. created by the system)", () => {
    assertFourEyes(null, "u2", "document version");
  });
});
